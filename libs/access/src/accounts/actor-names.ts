import { Injectable } from '@nestjs/common';
import { Actor, canonicalId } from '@charterflow/kernel';
import { OrganisationsService } from '@charterflow/organisations';
import { UsersRepository } from './users.repository';

/** The full name shown for the engine's own steps (timed events such as the end of probation). */
export const SYSTEM_ACTOR_FULL_NAME = 'Hệ thống';

/**
 * The actor of a recorded step as the staff read it: the recorded actor (exactly as hash-chained) plus the person's
 * full name and title and the name of the unit it acted for, looked up when the history is read (ADR 0020).
 */
export interface NamedActor extends Actor {
  /** The account's full name; the recorded username when no account of that id is known (a foreign import). */
  fullName: string;
  /** The account's title, when it has one. */
  title: string | null;
  /** The current name of the organisation the actor acted for; null for the engine and for accounts over the whole tree. */
  organisationName: string | null;
}

/**
 * Names the actors of a case history. Nothing stored changes: the chain covers the recorded actor only, and the
 * names are read afresh from the accounts (deleted ones included: deletion keeps the row) and organisations.
 */
@Injectable()
export class ActorNames {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The items with their `actor` named; two statements whatever the length of the history. */
  async name<T extends { actor: Actor }>(items: readonly T[]): Promise<(Omit<T, 'actor'> & { actor: NamedActor })[]> {
    const userIds = new Set<string>();
    const organisationIds = new Set<string>();
    for (const { actor } of items) {
      const userId = canonicalId(actor?.userId);
      if (userId) userIds.add(userId);
      const organisationId = canonicalId(actor?.organisationId);
      if (organisationId) organisationIds.add(organisationId);
    }
    const [people, units] = await Promise.all([this.users.namesByIds([...userIds]), this.organisations.namesOf([...organisationIds])]);
    return items.map((item) => {
      const actor = item.actor;
      const person = actor?.kind === 'system' ? null : people.get(canonicalId(actor?.userId) ?? '');
      const fullName = actor?.kind === 'system' ? SYSTEM_ACTOR_FULL_NAME : (person?.fullName ?? String(actor?.username ?? ''));
      return {
        ...item,
        actor: {
          ...actor,
          fullName,
          title: person?.title ?? null,
          organisationName: units.get(canonicalId(actor?.organisationId) ?? '') ?? null,
        },
      };
    });
  }
}
