import { type DomainEvent, votePassed, voteOf } from '@charterflow/procedure';

/** A vote as the form shows it while the clerk types: the share in favour against the threshold the procedure sets. */
export interface VoteSummary {
  inFavour: number;
  voters: number;
  /** `66,7` (Vietnamese decimal comma, one decimal). */
  percent: string;
  /** The standing committee's decisions need more than half; the cell's and committees' votes at least two thirds. */
  threshold: 'twoThirds' | 'half';
  /** The engine's own verdict (`votePassed` of libs/procedure). */
  passed: boolean;
}

/** Decisions of a standing committee: more than half (QĐ294 §9.3.4), as `votePassed` reads them. */
const MAJORITY_DECISIONS: readonly string[] = ['ADMISSION_DECIDED', 'RECOGNITION_DECIDED'];

/** The summary of the counts of a vote event being filled in, or null when the event is no vote or counts are missing. */
export function voteSummary(type: string, values: Record<string, unknown>): VoteSummary | null {
  const event = { ...values, type } as unknown as DomainEvent;
  const counts = Object.values(values).filter((v) => v !== null && v !== undefined);
  if (counts.length === 0) return null;
  const vote = voteOf(event);
  if (!vote || !Number.isInteger(vote.voters) || !Number.isInteger(vote.inFavour) || vote.voters <= 0 || vote.inFavour < 0) return null;
  const share = (vote.inFavour / vote.voters) * 100;
  return {
    inFavour: vote.inFavour,
    voters: vote.voters,
    percent: share.toFixed(1).replace('.', ','),
    threshold: MAJORITY_DECISIONS.includes(type) ? 'half' : 'twoThirds',
    passed: vote.inFavour <= vote.voters && votePassed(event),
  };
}
