import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';
import type { INestApplicationContext } from '@nestjs/common';
import type { Role } from '../../src/common/auth/actor';
import type { UnitKind } from '../../src/modules/organization/unit.entity';

/** The running application: over HTTP (TestApp) or its context alone (the medium tests). */
type Running = { app: Pick<INestApplicationContext, 'get'> };

export interface TestActor {
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  unitId: string | null;
  token: string;
  /** `{ Authorization: 'Bearer …' }` for supertest's `.set(...)`. */
  auth: { Authorization: string };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A unit made straight in the database (tests never depend on the demo data). */
export async function createUnit(t: Running, kind: UnitKind = 'centre', name?: string): Promise<{ id: string; code: string }> {
  const id = newId();
  const code = `T${unique()}`.slice(0, 32).toUpperCase();
  await t.app.get(DataSource).query(
    'INSERT INTO units (id, code, name, kind, parent_id, active, created_at) VALUES (?,?,?,?,NULL,1,NOW(3))',
    [id, code, name ?? `Đơn vị thử ${code}`, kind],
  );
  return { id, code };
}

/**
 * A user made straight in the database with a token signed by the app, so a test of any module
 * can act as any role without going through login.
 */
export async function createActor(t: Running, roles: Role[], unitId: string | null = null): Promise<TestActor> {
  const id = newId();
  const email = `u${unique()}@test.kcfund.vn`;
  const fullName = `Người dùng thử ${roles.join('+')}`;
  await t.app.get(DataSource).query(
    `INSERT INTO users (id, email, password_hash, full_name, phone, unit_id, roles, active, created_at, updated_at)
     VALUES (?,?,?,?,NULL,?,?,1,NOW(3),NOW(3))`,
    [id, email, 'not-a-hash', fullName, unitId, roles.join(',')],
  );
  const token = await t.app.get(JwtService).signAsync({ sub: id, typ: 'access' });
  return { id, email, fullName, roles, unitId, token, auth: { Authorization: `Bearer ${token}` } };
}
