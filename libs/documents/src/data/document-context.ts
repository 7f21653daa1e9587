import { BodyKind, DomainEvent, EventType } from '@charterflow/procedure';
import { DocumentBody, DocumentInput, DocumentStep } from './document-input';

/**
 * Reads a document's input as the forms ask for it: the bodies by their role in the procedure, and the steps of the
 * history by type (the last one counts: a re-vote replaces the earlier vote on paper too).
 */
export class DocumentContext {
  constructor(
    readonly input: DocumentInput,
    /** The step a repeated form is printed for (one introduction letter per sponsor); null for other forms. */
    readonly current: DocumentStep | null = null,
  ) {}

  withCurrent(step: DocumentStep): DocumentContext {
    return new DocumentContext(this.input, step);
  }

  last(type: EventType): DocumentStep | null {
    for (let i = this.input.history.length - 1; i >= 0; i -= 1) if (this.input.history[i].type === type) return this.input.history[i];
    return null;
  }

  all(type: EventType): DocumentStep[] {
    return this.input.history.filter((s) => s.type === type);
  }

  /** The step a repeated form is printed for, else the last of its type. */
  currentOr(type: EventType): DocumentStep | null {
    return this.current?.type === type ? this.current : this.last(type);
  }

  private nearest(kinds: readonly BodyKind[]): DocumentBody | null {
    for (let i = this.input.chain.length - 1; i >= 0; i -= 1) if (kinds.includes(this.input.chain[i].kind)) return this.input.chain[i];
    return null;
  }

  get cell(): DocumentBody | null {
    return this.nearest(['cell']);
  }

  get grassroots(): DocumentBody | null {
    return this.nearest(['grassroots']);
  }

  /** The committee directly above the grassroots committee (or above a village cell): the competent committee. */
  get superior(): DocumentBody | null {
    return this.nearest(['commune', 'province']);
  }

  get province(): DocumentBody | null {
    return this.nearest(['province']);
  }

  /** The body that decided the admission (or recognition): an authorised grassroots committee, else the superior. */
  decidingBody(type: 'ADMISSION_DECIDED' | 'RECOGNITION_DECIDED'): DocumentBody | null {
    const decidedBy = this.last(type)?.payload.decidedBy;
    return decidedBy === 'grassroots_committee' ? (this.grassroots ?? this.superior) : this.superior;
  }

  /** The body one level above the given one in the chain. */
  above(body: DocumentBody | null): DocumentBody | null {
    if (!body) return null;
    const at = this.input.chain.indexOf(body);
    return at > 0 ? this.input.chain[at - 1] : null;
  }
}

/** A recorded step as the procedure library's event, for its vote arithmetic. */
export function eventOf(step: DocumentStep): DomainEvent {
  return { type: step.type, occurredOn: step.occurredOn, ...step.payload } as DomainEvent;
}
