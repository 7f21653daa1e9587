import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookView } from './webhook';
import type { RowOf } from '@charterflow/database';
import { WEBHOOKS_TABLE } from '../tables';

/** The row as declared in tables.ts. */
type RawWebhook = Pick<RowOf<typeof WEBHOOKS_TABLE>, 'id' | 'organisation_id' | 'url' | 'description' | 'active' | 'include_subtree' | 'created_at'>;

const COLUMNS = `id, organisation_id, url, description, active, include_subtree, created_at`;

/** The only place that touches `webhooks` (`WebhookFanOut` reads the active ones too, in SQL). */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(input: { organisationId: string; url: string; secret: string; description: string | null; includeSubtree: boolean; createdAt: Date }): Promise<WebhookView> {
    const rows: RawWebhook[] = await this.dataSource.query(
      `INSERT INTO webhooks (organisation_id, url, secret, description, include_subtree, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${COLUMNS}`,
      [input.organisationId, input.url, input.secret, input.description, input.includeSubtree, input.createdAt],
    );
    return toView(rows[0]);
  }

  /** The webhooks of one organisation (active and deactivated), oldest first. */
  async listByOrganisation(organisationId: string): Promise<WebhookView[]> {
    const rows: RawWebhook[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhooks WHERE organisation_id = $1 ORDER BY created_at, id`,
      [organisationId],
    );
    return rows.map(toView);
  }

  async findById(id: string): Promise<WebhookView | null> {
    const rows: RawWebhook[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM webhooks WHERE id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /**
   * Deactivates a webhook and, in the same transaction, gives up its pending deliveries, so nothing is sent to a
   * receiver after it was removed. Returns false for an unknown id.
   */
  async deactivate(id: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      // TypeORM answers [rows, affected] for UPDATE … RETURNING.
      const [rows]: [{ id: string }[], number] = await m.query(`UPDATE webhooks SET active = false WHERE id = $1 RETURNING id`, [id]);
      if (rows.length === 0) return false;
      await m.query(
        `UPDATE webhook_deliveries SET status = 'failed', last_error = $2 WHERE webhook_id = $1 AND status = 'pending'`,
        [id, `webhook deactivated at ${now.toISOString()}`],
      );
      return true;
    });
  }
}

function toView(r: RawWebhook): WebhookView {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    url: r.url,
    description: r.description,
    active: r.active,
    includeSubtree: r.include_subtree,
    createdAt: r.created_at.toISOString(),
  };
}
