import { LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { urlToHttpOptions } from 'node:url';

/**
 * A `lookup` for `http.request` that answers the addresses already resolved and checked instead of resolving the
 * name again: the socket connects to exactly those, so a name cannot be re-pointed (DNS rebinding) between the check
 * and the connection. Answers in both shapes Node asks for: one address, or all of them (`all`, which Node's
 * happy-eyeballs connect uses).
 */
export function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : 0;
    const wanted = addresses.filter((a) => family === 0 || a.family === family);
    if (wanted.length === 0) {
      const error: NodeJS.ErrnoException = Object.assign(new Error(`${hostname} has no checked IPv${family} address`), { code: 'ENOTFOUND' });
      callback(error, options.all ? [] : '');
    } else if (options.all) {
      callback(null, wanted.map(({ address, family }) => ({ address, family })));
    } else {
      callback(null, wanted[0].address, wanted[0].family);
    }
  };
}

/**
 * POSTs `body` to `target`, connecting only to `addresses`, and answers the status code without reading what the
 * receiver wrote. Redirects are not followed (an answer, not a delivery: following one could send the signed payload
 * to another host). The `Host` header, TLS SNI and the certificate check all use the URL's host, not the address.
 */
export function postPinned(target: URL, addresses: readonly LookupAddress[], body: string, headers: Record<string, string>, signal: AbortSignal): Promise<number> {
  const https = target.protocol === 'https:';
  const options = urlToHttpOptions(target); // hostname without brackets, path with query, auth from user:password@
  return new Promise<number>((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(
      {
        ...options,
        method: 'POST',
        headers: { ...headers, Host: target.host, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(addresses),
        // SNI carries names only (RFC 6066 §3); Node checks the certificate against `servername`.
        ...(https && options.hostname && isIP(options.hostname) === 0 ? { servername: options.hostname } : {}),
        // A connection of its own: no pooled socket (opened for an earlier resolution) is reused.
        agent: false,
        signal,
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
