export * from './model/document';
export * from './data/document-input';
export { PLACEHOLDERS, isPlaceholder, type Placeholder } from './data/placeholders';
export { FORMS, formById, fillForm, isAvailable } from './forms/catalogue';
export type { FormDefinition } from './forms/form';
export { renderPdf } from './render/pdf';
export { renderDocx } from './render/docx';
