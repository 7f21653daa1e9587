import { BodyKind, Candidate, EventType, Membership } from '@charterflow/procedure';
import { BusinessDate } from '@charterflow/kernel';

/** A body of the organisation tree as a document names it. */
export interface DocumentBody {
  name: string;
  kind: BodyKind;
}

/** Who recorded a step, as the signature block names the signer. */
export interface DocumentSigner {
  fullName: string;
  title: string | null;
}

/** One recorded step of the case's history. */
export interface DocumentStep {
  type: EventType;
  occurredOn: BusinessDate;
  payload: Record<string, unknown>;
  signer: DocumentSigner | null;
}

/**
 * Everything a document is filled from, gathered by the caller (libs/documents' service) from the case, its history
 * and the organisation tree: the forms themselves read nothing else, so they can be checked against a fixture.
 */
export interface DocumentInput {
  candidate: Candidate;
  membership: Membership;
  /** The case's cell and the bodies above it, from the province down to the cell. */
  chain: DocumentBody[];
  /** The history, oldest first. */
  history: DocumentStep[];
}
