import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The deployment files keep the production standards: no secret with a default (compose refuses to start until each
 * is set), the image on the current LTS Node, the API and the worker replicated behind a proxy.
 */
const root = join(__dirname, '..', '..');
const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { config: { node_options: string }; scripts: Record<string, string> };
const SECRETS = ['POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'JWT_SECRET', 'ADMIN_PASSWORD'];

interface Service {
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  ports?: string[];
}

describe('deployment files', () => {
  it('give no variable a default: every ${…} of docker-compose.yml is required (${NAME:?…})', () => {
    const references = [...compose.matchAll(/\$\{([A-Z_]+)([^}]*)\}/g)];
    expect(references.length).toBeGreaterThan(0);
    for (const [whole, , rest] of references) expect({ reference: whole, required: rest.startsWith(':?') }).toEqual({ reference: whole, required: true });
    for (const secret of SECRETS) expect(references.map((r) => r[1])).toContain(secret);
  });

  it('write no secret in clear: each password, key and connection string comes from a required variable', () => {
    const services = (parse(compose) as { services: Record<string, Service> }).services;
    for (const [name, service] of Object.entries(services)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        if (!/PASSWORD|SECRET|_URL|AUTH/.test(variable)) continue;
        expect({ service: name, variable, fromRequiredVariable: /\$\{[A-Z_]+:\?/.test(String(value)) }).toEqual({ service: name, variable, fromRequiredVariable: true });
      }
    }
  });

  it('run two API processes behind the proxy and two workers, the API reached only through the proxy', () => {
    const services = (parse(compose) as { services: Record<string, Service> }).services;
    expect(services.api.deploy?.replicas).toBe(2);
    expect(services.worker.deploy?.replicas).toBe(2);
    expect(services.api.ports).toBeUndefined();
    expect(services.proxy.ports).toEqual(['3000:80']);
    expect(services.api.environment?.NODE_ENV).toBe('production');
    expect(services.worker.environment?.NODE_ENV).toBe('production');
  });

  it('build and run the image on Node 22, the current LTS', () => {
    const images = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^node:22[.-]/);
  });

  it('run the processes with the V8 options of package.json "config.node_options", in the image and in the npm scripts', () => {
    const options = manifest.config.node_options;
    expect(options).toMatch(/^--max-semi-space-size=\d+$/);
    const image = dockerfile.split(/^FROM\s/m).pop() ?? '';
    expect([...image.matchAll(/^ENV NODE_OPTIONS=(.*)$/gm)].map((m) => m[1])).toEqual([options]);
    for (const script of ['start', 'start:api', 'start:worker', 'start:prod', 'bench:delivery', 'bench:national']) {
      expect({ script, runsWithOptions: manifest.scripts[script].includes('node $npm_package_config_node_options ') }).toEqual({ script, runsWithOptions: true });
    }
  });
});
