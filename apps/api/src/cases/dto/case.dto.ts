import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_KINDS, EVENT_TYPES, TOP_STATES } from '@charterflow/procedure';
import { CHAIN_CHECKS, CHAIN_PROBLEMS } from '@charterflow/cases';
import type { Candidate } from '@charterflow/procedure';
import { CANDIDATE_SCHEMA_REF } from '../events/event-schemas';

// Response schemas for OpenAPI. The answers themselves are the cases service's views.

export class DeadlineDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'CEREMONY', description: 'Unique within the case, e.g. `VERIFICATION_REPLY:req-7`' })
  key: string;

  @ApiProperty({ enum: DEADLINE_KINDS })
  kind: string;

  @ApiProperty({ format: 'date', description: 'The date the limit counts from' })
  baseOn: string;

  @ApiProperty({ format: 'date', description: 'Last allowed day' })
  dueOn: string;

  @ApiProperty({ format: 'date' })
  originalDueOn: string;

  @ApiProperty({ description: 'Working days added by DEADLINE_EXTENDED' })
  extendedBy: number;

  @ApiProperty({ enum: ['open', 'met', 'missed', 'cancelled'] })
  status: string;

  @ApiProperty({ example: 'QĐ294 §4.1' })
  source: string;

  @ApiProperty({ format: 'date' })
  openedOn: string;

  @ApiProperty({ format: 'date', nullable: true })
  closedOn: string | null;
}

export class PartyAgeGapDto {
  @ApiProperty({ format: 'date', description: 'First day outside the Party (the day of leaving)' })
  from: string;

  @ApiProperty({ format: 'date', description: 'The day the party age counts again (the new admission decision)' })
  to: string;
}

export class MembershipDto {
  @ApiProperty({ format: 'date', nullable: true })
  admissionDecisionOn: string | null;

  @ApiProperty({ format: 'date', nullable: true })
  probationStartOn: string | null;

  @ApiProperty({ format: 'date', nullable: true })
  probationEndOn: string | null;

  @ApiProperty({ format: 'date', nullable: true })
  fullMemberSince: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'Where the party age counts from (QĐ294 §4.5): the admission decision, or for a re-admission the first admission decision (`readmission.previousAdmissionDecisionOn`). Null until an admission is decided.',
  })
  partyAgeFrom: string | null;

  @ApiProperty({
    type: () => [PartyAgeGapDto],
    description: 'The periods outside the Party the party age leaves out: for a re-admission, from leaving the Party to the new admission decision. Empty otherwise.',
  })
  partyAgeGaps: PartyAgeGapDto[];
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: TOP_STATES })
  state: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Sub-state and progress' })
  stateDetail: Record<string, unknown>;

  @ApiProperty({ example: 4, description: 'Also sent as `ETag: "<version>"`; name it in `If-Match`' })
  version: number;

  @ApiProperty({ example: 'qd294-2025' })
  procedureVersion: string;

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ allOf: [CANDIDATE_SCHEMA_REF] })
  candidate: Candidate;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Facts recorded so far' })
  facts: Record<string, unknown>;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true })
  allowedEvents: string[];

  @ApiProperty({ type: [DeadlineDto] })
  deadlines: DeadlineDto[];

  @ApiProperty({ type: MembershipDto })
  membership: MembershipDto;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseDto] })
  items: CaseDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

/**
 * Who recorded a step: the recorded actor exactly as the hash chain covers it, plus the names looked up when the
 * history is read (ADR 0020).
 */
export class CaseEventActorDto {
  @ApiProperty({ enum: ['user', 'system'], description: '`system`: the engine itself (timed events)' })
  kind: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  userId: string | null;

  @ApiProperty({ example: 'bithu.chibo1', description: 'The login name when the step was recorded' })
  username: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The organisation the account acted for when it recorded the step' })
  organisationId: string | null;

  @ApiProperty({ type: [String], description: 'Its roles when it recorded the step' })
  roles: string[];

  @ApiProperty({
    example: 'Nguyễn Thị Lan',
    description: "The account's full name (a deleted account keeps its name); \"Hệ thống\" for the engine; the username for an account this server does not know. Not part of the hash",
  })
  fullName: string;

  @ApiProperty({ type: String, nullable: true, example: 'Bí thư chi bộ', description: "The account's title, if any. Not part of the hash" })
  title: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Chi bộ Giáo viên', description: 'The current name of `organisationId`; null for the engine and the whole tree. Not part of the hash' })
  organisationName: string | null;
}

export class CaseEventDto {
  @ApiProperty({ example: 1 })
  seq: number;

  @ApiProperty({ enum: EVENT_TYPES })
  type: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  payload: Record<string, unknown>;

  @ApiProperty({ format: 'date' })
  occurredOn: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ type: CaseEventActorDto })
  actor: CaseEventActorDto;

  @ApiProperty({ enum: TOP_STATES, nullable: true })
  fromState: string | null;

  @ApiProperty({ enum: TOP_STATES })
  toState: string;

  @ApiProperty()
  hash: string;

  @ApiProperty()
  prevHash: string;
}

export class ChainVerdictDto {
  @ApiProperty({ description: 'Every check passed' })
  valid: boolean;

  @ApiPropertyOptional({ description: 'The first event that does not match (for LENGTH_MISMATCH, the first missing or extra sequence number)' })
  brokenAtSeq?: number;

  @ApiPropertyOptional({
    enum: CHAIN_PROBLEMS,
    description: 'Why the history does not verify',
  })
  problem?: string;

  @ApiProperty({ description: 'Number of events found and checked' })
  events: number;

  @ApiProperty({ description: 'Number of events the case row records (`last_seq`)' })
  expectedEvents: number;

  @ApiProperty({
    type: [String],
    example: CHAIN_CHECKS,
    description: 'What was compared: sequence numbers, links and hashes of the events, then the case row\'s event count, last hash and state',
  })
  checked: string[];
}
