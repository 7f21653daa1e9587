export * from './engine';
export { RULES } from '../rules/catalogue';
