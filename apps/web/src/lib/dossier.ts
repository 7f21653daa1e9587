import type { CaseFacts, EventType } from '@charterflow/procedure';

/** One part of the admission dossier: the step that records it, whether it is there, and when. */
export interface DossierItem {
  step: EventType;
  /** What the part is about when a step records several (a verification's subject, a sponsor's name). */
  about?: string;
  done: boolean;
  on: string | null;
  /** A second date: the reply to a verification. */
  repliedOn?: string | null;
}

/**
 * The checklist of the admission dossier (HD06 §3.2–3.5) read from the case's facts: the awareness certificate, the
 * permission to prepare the dossier, application, biography, each verification and its reply, the certified
 * biography, the sponsors (or the introducing resolution) and the opinions.
 */
export function dossierChecklist(facts: Partial<CaseFacts>): DossierItem[] {
  const items: DossierItem[] = [
    { step: 'AWARENESS_CERTIFICATE_RECORDED', done: !!facts.certificate, on: facts.certificate?.issuedOn ?? null },
    { step: 'DOSSIER_OPENED', done: !!facts.dossierOpenedOn, on: facts.dossierOpenedOn ?? null },
    { step: 'APPLICATION_FILED', done: !!facts.applicationFiledOn, on: facts.applicationFiledOn ?? null },
    { step: 'BIOGRAPHY_FILED', done: !!facts.biographyFiledOn, on: facts.biographyFiledOn ?? null },
  ];
  for (const v of Object.values(facts.verifications ?? {})) {
    items.push({ step: 'VERIFICATION_REQUESTED', about: v.subject, done: !!v.repliedOn, on: v.requestedOn, repliedOn: v.repliedOn });
  }
  items.push({ step: 'BIOGRAPHY_CERTIFIED', done: !!facts.biographyCertifiedOn, on: facts.biographyCertifiedOn ?? null });
  const sponsors = facts.sponsors ?? [];
  if (sponsors.length === 0 && !facts.introducingResolution) items.push({ step: 'SPONSOR_ADDED', done: false, on: null });
  for (const s of sponsors) items.push({ step: 'SPONSOR_ADDED', about: s.name, done: true, on: s.addedOn });
  if (facts.introducingResolution) {
    items.push({ step: 'INTRODUCING_RESOLUTION_RECORDED', about: facts.introducingResolution.resolutionNo, done: true, on: facts.introducingResolution.recordedOn });
  }
  items.push({ step: 'OPINIONS_RECORDED', done: !!facts.opinions, on: facts.opinions?.recordedOn ?? null });
  return items;
}
