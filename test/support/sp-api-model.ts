import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { SpApiExchange } from '../../src/sandbox/sp-api/server';

/**
 * Amazon's official model (reference/, vendored unchanged) compiled with ajv, so tests can
 * check every request the gateway sends and every response the double answers.
 */
const MODEL_DIR = join(__dirname, '..', '..', 'reference');

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: object;
  type?: string;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, { schema?: object }>;
}

export class SpApiModel {
  readonly model: {
    paths: Record<string, Record<string, Operation>>;
    definitions: Record<string, object>;
  };
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly operations = new Map<string, Operation>();
  private readonly cache = new Map<string, ValidateFunction>();

  /** `file`: a model in reference/ (default 2020-07-01; `fulfillmentOutbound_2026-07-04.json` for the newer one) */
  constructor(file = 'fulfillmentOutbound_2020-07-01.json') {
    this.model = JSON.parse(readFileSync(join(MODEL_DIR, file), 'utf8')) as SpApiModel['model'];
    addFormats(this.ajv);
    this.ajv.addFormat('ip', (value: string) => isIP(value) !== 0); // Swagger 2.0's `ip`: v4 or v6
    this.ajv.addSchema({ $id: 'model', definitions: this.model.definitions });
    for (const ops of Object.values(this.model.paths)) {
      for (const op of Object.values(ops))
        if (op && typeof op === 'object' && 'operationId' in op) this.operations.set(op.operationId, op);
    }
  }

  get operationIds(): string[] {
    return [...this.operations.keys()];
  }

  private validator(schema: object): ValidateFunction {
    const key = JSON.stringify(schema);
    let v = this.cache.get(key);
    if (!v) {
      v = this.ajv.compile(JSON.parse(key.replaceAll('"#/definitions/', '"model#/definitions/')));
      this.cache.set(key, v);
    }
    return v;
  }

  /** Problems with one exchange, as `operation request|response: message`; empty when it conforms. */
  problems(exchange: SpApiExchange): string[] {
    const op = this.operations.get(exchange.operation);
    if (!op) return [`${exchange.operation}: not in the model`];
    const out: string[] = [];
    for (const p of op.parameters ?? []) {
      if (p.in === 'body' && p.schema) {
        const v = this.validator(p.schema);
        if (!v(exchange.requestBody))
          out.push(...(v.errors ?? []).map((e) => `${exchange.operation} request${e.instancePath}: ${e.message}`));
      }
      if (p.in === 'query' && p.required && exchange.query[p.name] === undefined)
        out.push(`${exchange.operation} request: missing query ${p.name}`);
    }
    for (const name of Object.keys(exchange.query)) {
      if (!(op.parameters ?? []).some((p) => p.in === 'query' && p.name === name))
        out.push(`${exchange.operation} request: unknown query ${name}`);
    }
    const response = op.responses[String(exchange.status)];
    const schema = response?.schema;
    if (!response) out.push(`${exchange.operation} response: status ${exchange.status} not in the model`);
    else if (!schema) {
      if (exchange.responseBody !== undefined)
        out.push(`${exchange.operation} response: a body where the model has none`);
    } else if (exchange.responseBody !== null && typeof exchange.responseBody !== 'string') {
      const v = this.validator(schema);
      if (!v(exchange.responseBody))
        out.push(
          ...(v.errors ?? []).map(
            (e) => `${exchange.operation} response${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`,
          ),
        );
    }
    return out;
  }
}
