/** Top-level states of api.md. Sub-states are internal and exposed only as `stateDetail`. */
export const TOP_STATES = [
  'sympathiser',
  'awarenessCertified',
  'dossier',
  'cellReview',
  'grassrootsReview',
  'superiorReview',
  'awaitingCeremony',
  'probation',
  'recognitionReview',
  'fullMember',
  'notAdmitted',
  'removed',
  'withdrawn',
  'escalated',
] as const;
export type TopState = (typeof TOP_STATES)[number];

export const FINAL_STATES: readonly TopState[] = ['fullMember', 'notAdmitted', 'removed', 'withdrawn'];
