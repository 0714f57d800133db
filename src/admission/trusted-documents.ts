import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Trusted documents (TRUSTED_DOCUMENTS): the operations a production frontend was built with, as
 * its build tool wrote them, by id. Two manifest shapes are read:
 * - an object of id → document text, as GraphQL Code Generator's client preset writes
 *   `persisted-documents.json`;
 * - Apollo's `{ "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body" }] }`.
 * Every document is also known by the SHA-256 of its text, so automatic-persisted-query clients
 * (`extensions.persistedQuery.sha256Hash`) find it too. Ids may carry a `sha256:` prefix.
 */
export class TrustedDocuments {
  private readonly byId = new Map<string, string>();

  constructor(documents: Iterable<[string, string]>) {
    for (const [id, text] of documents) {
      this.byId.set(bare(id), text);
      this.byId.set(sha256(text), text);
    }
  }

  static fromFile(path: string): TrustedDocuments {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest))
      throw new Error(`${path} is not a trusted-documents manifest (an object)`);
    const apollo = manifest as { format?: unknown; operations?: unknown };
    if (apollo.format === 'apollo-persisted-query-manifest') {
      if (!Array.isArray(apollo.operations)) throw new Error(`${path}: "operations" must be a list`);
      return new TrustedDocuments(
        (apollo.operations as Array<{ id?: unknown; body?: unknown }>).map((o) => {
          if (typeof o.id !== 'string' || typeof o.body !== 'string')
            throw new Error(`${path}: every operation needs a string "id" and "body"`);
          return [o.id, o.body];
        }),
      );
    }
    return new TrustedDocuments(
      Object.entries(manifest).map(([id, text]) => {
        if (typeof text !== 'string') throw new Error(`${path}: the document of "${id}" must be a string`);
        return [id, text];
      }),
    );
  }

  get size(): number {
    return new Set(this.byId.values()).size;
  }

  /** The document of an id (or of its SHA-256), if trusted. */
  get(id: string): string | undefined {
    return this.byId.get(bare(id));
  }

  /** Whether a text is one of the trusted documents, byte for byte. */
  has(text: string): boolean {
    return this.byId.get(sha256(text)) === text;
  }
}

const bare = (id: string) => (id.startsWith('sha256:') ? id.slice(7) : id);
/** The SHA-256 of a document's text, in hex: what a persisted query names it by. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
