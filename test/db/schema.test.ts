// db/schema.ts (hand-written Kysely types) must match the migrated database: the same tables, the
// same columns, nullability, Generated<> exactly where the database supplies a value, and compatible
// base types. Types are erased at run time, so the interfaces are read from the source with the
// TypeScript compiler API.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncrypted, type SqliteDb } from '../../db/connection.ts';
import { migrate } from '../../db/migrations/index.ts';
import { cleanupTempDirs, tempDir } from '../helpers/db.ts';

interface TsColumn { type: string; nullable: boolean; generated: boolean; base: 'string' | 'number' | 'other' }

const SCHEMA_FILE = fileURLToPath(new URL('../../db/schema.ts', import.meta.url));

/** table name -> column name -> parsed TS type, from the DB interface and the interfaces it names. */
function readSchemaTs(): Map<string, Map<string, TsColumn>> {
  const src = ts.createSourceFile(SCHEMA_FILE, fs.readFileSync(SCHEMA_FILE, 'utf8'), ts.ScriptTarget.ES2022, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeNode>();
  src.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n);
    if (ts.isTypeAliasDeclaration(n)) aliases.set(n.name.text, n.type);
  });
  const db = interfaces.get('DB');
  if (!db) throw new Error('db/schema.ts has no DB interface');

  const expand = (node: ts.TypeNode): ts.TypeNode => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && aliases.has(node.typeName.text)) {
      return expand(aliases.get(node.typeName.text)!);
    }
    return node;
  };
  const describeType = (raw: ts.TypeNode): TsColumn => {
    let node = expand(raw);
    let generated = false;
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Generated') {
      generated = true;
      node = expand(node.typeArguments![0]!);
    }
    const parts = ts.isUnionTypeNode(node) ? node.types.map(expand) : [node];
    const isNull = (t: ts.TypeNode) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
    const nonNull = parts.filter((t) => !isNull(t));
    const kinds = new Set(nonNull.map((t) => {
      if (t.kind === ts.SyntaxKind.StringKeyword) return 'string';
      if (t.kind === ts.SyntaxKind.NumberKeyword) return 'number';
      if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) return 'string';
      if (ts.isLiteralTypeNode(t) && ts.isNumericLiteral(t.literal)) return 'number';
      return 'other';
    }));
    const base = kinds.size === 1 ? [...kinds][0] as TsColumn['base'] : 'other';
    return { type: raw.getText(src), nullable: parts.some(isNull), generated, base };
  };

  const out = new Map<string, Map<string, TsColumn>>();
  for (const m of db.members) {
    if (!ts.isPropertySignature(m) || !m.type || !ts.isTypeReferenceNode(m.type) || !ts.isIdentifier(m.type.typeName)) {
      throw new Error(`DB member ${m.getText(src)} is not "table: Interface"`);
    }
    const table = (m.name as ts.Identifier).text;
    const iface = interfaces.get(m.type.typeName.text);
    if (!iface) throw new Error(`interface ${m.type.typeName.text} not found`);
    const cols = new Map<string, TsColumn>();
    for (const c of iface.members) {
      if (!ts.isPropertySignature(c) || !c.type) throw new Error(`${iface.name.text}: unexpected member`);
      cols.set((c.name as ts.Identifier).text, describeType(c.type));
    }
    out.set(table, cols);
  }
  return out;
}

interface DbColumn { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }

let db: SqliteDb;
let tsTables: Map<string, Map<string, TsColumn>>;

beforeAll(() => {
  const dir = tempDir('schema');
  db = openEncrypted(path.join(dir, 'schema.cicregister'), Buffer.alloc(32, 7), { create: true });
  migrate(db);
  tsTables = readSchemaTs();
});

afterAll(() => {
  db.close();
  cleanupTempDirs();
});

const dbTables = (): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
const dbColumns = (table: string): DbColumn[] => db.prepare(`PRAGMA table_info("${table}")`).all() as DbColumn[];

describe('db/schema.ts matches the migrated database', () => {
  it('parses a non-trivial schema (guards against this test silently checking nothing)', () => {
    expect(tsTables.size).toBeGreaterThanOrEqual(10);
    expect(tsTables.get('children')?.get('legal_first_name')).toMatchObject({ nullable: false, base: 'string', generated: false });
    expect(tsTables.get('children')?.get('id')).toMatchObject({ generated: true, base: 'number' });
    expect(tsTables.get('children')?.get('upn')).toMatchObject({ nullable: true, base: 'string' });
  });

  it('has exactly the same tables', () => {
    expect([...tsTables.keys()].sort()).toEqual(dbTables());
  });

  it('has exactly the same columns in every table', () => {
    const problems: string[] = [];
    for (const t of dbTables()) {
      const inDb = dbColumns(t).map((c) => c.name).sort();
      const inTs = [...(tsTables.get(t)?.keys() ?? [])].sort();
      for (const c of inDb) if (!inTs.includes(c)) problems.push(`${t}.${c} is in the database but not in db/schema.ts`);
      for (const c of inTs) if (!inDb.includes(c)) problems.push(`${t}.${c} is in db/schema.ts but not in the database`);
    }
    expect(problems).toEqual([]);
  });

  it('agrees on nullability, Generated<> and base types', () => {
    const problems: string[] = [];
    for (const t of dbTables()) {
      const cols = tsTables.get(t);
      if (!cols) continue;
      for (const c of dbColumns(t)) {
        const tc = cols.get(c.name);
        if (!tc) continue;
        const where = `${t}.${c.name} (${tc.type})`;
        const rowidAlias = c.pk === 1 && c.type.toUpperCase() === 'INTEGER';
        // STRICT tables make PRIMARY KEY columns NOT NULL.
        const nullable = c.notnull === 0 && c.pk === 0;
        if (nullable !== tc.nullable) problems.push(`${where}: database says ${nullable ? 'nullable' : 'NOT NULL'}`);
        const dbSupplies = c.dflt_value !== null || rowidAlias;
        if (tc.generated && !dbSupplies) problems.push(`${where}: Generated<> but the database has no default`);
        if (!tc.generated && c.dflt_value !== null) problems.push(`${where}: the database has a default, so it should be Generated<>`);
        const want = c.type.toUpperCase() === 'TEXT' ? 'string' : ['INTEGER', 'REAL'].includes(c.type.toUpperCase()) ? 'number' : 'other';
        if (tc.base !== want) problems.push(`${where}: database type ${c.type}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every table is STRICT, so the declared types are enforced', () => {
    const sqls = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    for (const { name, sql } of sqls) expect(sql.trim().endsWith('STRICT'), name).toBe(true);
  });

  it('CHECK constraints on literal-union columns match the TypeScript unions', () => {
    // e.g. children.gender is 'F' | 'M' | 'X' in TS and CHECK (gender IN ('F', 'M', 'X')) in SQL.
    const problems: string[] = [];
    let checked = 0;
    for (const t of dbTables()) {
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(t) as string;
      for (const [col, tc] of tsTables.get(t) ?? []) {
        const literals = [...tc.type.matchAll(/'([^']*)'/g)].map((m) => m[1]!).sort();
        if (literals.length === 0) continue;
        const check = new RegExp(`CHECK \\(${col} IN \\(([^)]*)\\)\\)`).exec(sql);
        if (!check) {
          problems.push(`${t}.${col}: TS union ${tc.type} but no CHECK (${col} IN (...)) in SQL`);
          continue;
        }
        checked++;
        const sqlLiterals = [...check[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!).sort();
        if (JSON.stringify(sqlLiterals) !== JSON.stringify(literals)) problems.push(`${t}.${col}: TS ${literals} vs SQL ${sqlLiterals}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});
