import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredAnswer {
  requestHash: string;
  statusCode: number;
  response: unknown;
}

/** The only place that touches `idempotency_keys`. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(scope: string, key: string, m: EntityManager = this.dataSource.manager): Promise<StoredAnswer | null> {
    const rows: { request_hash: string; status_code: number; response: unknown }[] = await m.query(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return rows.length ? { requestHash: rows[0].request_hash, statusCode: rows[0].status_code, response: rows[0].response } : null;
  }

  /**
   * Stores the answer. Returns false when the key is already taken: a concurrent request with the same key
   * committed first (PostgreSQL waits for it before deciding), and the caller must roll back and replay.
   */
  async insert(m: EntityManager, scope: string, key: string, answer: StoredAnswer, now: Date): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, answer.requestHash, answer.statusCode, JSON.stringify(answer.response), now],
    );
    return rows.length === 1;
  }
}
