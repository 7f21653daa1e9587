import { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { Injectable } from '@nestjs/common';

/** Resolves a webhook's host name: a port, so that tests can answer for names that exist nowhere. */
export abstract class HostResolver {
  /** Every address of `hostname`, in the order to try them; rejects when the name cannot be resolved. */
  abstract resolve(hostname: string): Promise<LookupAddress[]>;
}

/** The system resolver (hosts file, then DNS), as Node's HTTP client would have used it. */
@Injectable()
export class SystemHostResolver extends HostResolver {
  resolve(hostname: string): Promise<LookupAddress[]> {
    return lookup(hostname, { all: true });
  }
}
