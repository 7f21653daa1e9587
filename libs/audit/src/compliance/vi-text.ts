import { sourceVi, viDate } from '@charterflow/procedure';

/**
 * The Vietnamese of the evidence (ADR 0016): dates dd/mm/yyyy, and the cited articles rendered by the engine's own
 * renderer (`sourceVi`, ADR 0018), so a finding names its basis exactly as a refusal does.
 */
export { viDate };

/** A source as the catalogue writes it (`QĐ294 §4.3.1; HD06 §3.7`), named in Vietnamese for a clerk. */
export const viArticle = (source: string): string => sourceVi(source);
