import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['province', 'commune', 'grassroots', 'cell'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A node of the party organisation tree (table `organisations`). */
@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** Ids from the root down to this node, each followed by '/': `/<root>/<child>/<self>/`. */
  @Column({ type: 'text' })
  path: string;

  @Column({ name: 'authorised_to_admit', type: 'boolean', default: false })
  authorisedToAdmit: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
