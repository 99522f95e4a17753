import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constraintViolationOf, pgErrorCodes } from '../src/errors.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

/**
 * Every invariant the database itself guarantees, proven with raw SQL so no TypeScript check can stand
 * in for the constraint: each bad write must fail with the named constraint, each good one must pass.
 */

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

const NFC_NAME = 'Trung tâm Bảo trợ';
const NFD_NAME = NFC_NAME.normalize('NFD');

type Row = Record<string, unknown>;

let sequence = 0;
const nextCode = () => `T-${++sequence}`;

/** A valid public facility; overrides (column name → value, `undefined` = omit) make it invalid. */
function facilityRow(overrides: Row = {}): Row {
  return {
    code: nextCode(),
    name: 'Trung tâm Bảo trợ xã hội',
    type: 'general',
    ownership: 'public',
    commune_code: '05500',
    licensed_capacity: 50,
    status: 'operating',
    ...overrides,
  };
}

async function insert(table: 'facilities' | 'users', row: Row): Promise<string> {
  const columns = Object.keys(row).filter((c) => row[c] !== undefined);
  const values: SQL[] = columns.map((c) => sql`${row[c]}`);
  const result = await database.db.execute<{ id: string }>(
    sql`insert into ${sql.identifier(table)} (${sql.join(
      columns.map((c) => sql.identifier(c)),
      sql`, `,
    )}) values (${sql.join(values, sql`, `)}) returning id`,
  );
  const id = result.rows[0]?.id;
  if (!id) throw new Error('insert returned no id');
  return id;
}

/** Runs a write that must fail and returns the violated constraint as constraintViolationOf sees it. */
async function violationOf(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    const violation = constraintViolationOf(error);
    if (!violation) throw error;
    return violation;
  }
  throw new Error('the write succeeded but should have been rejected');
}

const check = (constraint: string) => ({ sqlState: pgErrorCodes.checkViolation, constraint });
const unique = (constraint: string) => ({ sqlState: pgErrorCodes.uniqueViolation, constraint });
const foreignKey = (constraint: string) => ({ sqlState: pgErrorCodes.foreignKeyViolation, constraint });

/** SQLSTATE of an error that is not a 23xxx integrity violation (walks drizzle's cause chain). */
function sqlStateOf(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

describe('facilities', () => {
  it('accepts a valid public and a valid non-public facility', async () => {
    await expect(insert('facilities', facilityRow())).resolves.toBeTypeOf('string');
    await expect(
      insert(
        'facilities',
        facilityRow({ ownership: 'non_public', operator_organisation: 'Hội Từ thiện Hướng Dương' }),
      ),
    ).resolves.toBeTypeOf('string');
  });

  it('keeps codes unique (facilities_code_key)', async () => {
    const code = nextCode();
    await insert('facilities', facilityRow({ code }));
    expect(await violationOf(() => insert('facilities', facilityRow({ code })))).toEqual(
      unique('facilities_code_key'),
    );
  });

  it.each([
    ['type', 'hospital', 'facilities_type_valid'],
    ['ownership', 'private', 'facilities_ownership_valid'],
    ['status', 'open', 'facilities_status_valid'],
  ])('rejects an unknown %s %j (%s)', async (column, value, constraint) => {
    expect(await violationOf(() => insert('facilities', facilityRow({ [column]: value })))).toEqual(
      check(constraint),
    );
  });

  it.each([
    ['licensed_capacity', -1, 'facilities_capacity_non_negative'],
    ['land_area_m2', -0.01, 'facilities_land_area_non_negative'],
    ['bedroom_area_m2', -1, 'facilities_bedroom_area_non_negative'],
    ['version', 0, 'facilities_version_positive'],
  ])('rejects %s = %d (%s)', async (column, value, constraint) => {
    expect(await violationOf(() => insert('facilities', facilityRow({ [column]: value })))).toEqual(
      check(constraint),
    );
  });

  it('accepts zero capacity and zero areas', async () => {
    await expect(
      insert('facilities', facilityRow({ licensed_capacity: 0, land_area_m2: 0, bedroom_area_m2: 0 })),
    ).resolves.toBeTypeOf('string');
  });

  it('rejects an operator organisation on a public facility (facilities_operator_only_non_public)', async () => {
    expect(
      await violationOf(() =>
        insert('facilities', facilityRow({ ownership: 'public', operator_organisation: 'Công ty A' })),
      ),
    ).toEqual(check('facilities_operator_only_non_public'));
  });

  it('requires an operator organisation on a non-public facility (facilities_operator_only_non_public)', async () => {
    expect(await violationOf(() => insert('facilities', facilityRow({ ownership: 'non_public' })))).toEqual(
      check('facilities_operator_only_non_public'),
    );
  });

  it('keeps the rule on update too: a non-public facility cannot drop its operator', async () => {
    const id = await insert(
      'facilities',
      facilityRow({ ownership: 'non_public', operator_organisation: 'Quỹ Từ thiện Hoa Sen' }),
    );
    expect(
      await violationOf(() =>
        database.db.execute(sql`update facilities set operator_organisation = null where id = ${id}`),
      ),
    ).toEqual(check('facilities_operator_only_non_public'));
  });

  it('rejects an unknown commune (facilities_commune_code_communes_code_fk)', async () => {
    expect(await violationOf(() => insert('facilities', facilityRow({ commune_code: '99999' })))).toEqual(
      foreignKey('facilities_commune_code_communes_code_fk'),
    );
  });

  describe('text is stored in NFC (facilities_text_nfc)', () => {
    it('accepts an NFC name', async () => {
      await expect(insert('facilities', facilityRow({ name: NFC_NAME }))).resolves.toBeTypeOf('string');
    });

    it.each([
      ['name', {}],
      ['address', {}],
      ['decision_number', {}],
      ['operator_organisation', { ownership: 'non_public' }],
    ])('rejects a decomposed (NFD) %s', async (column, extra) => {
      expect(NFD_NAME).not.toBe(NFC_NAME);
      expect(
        await violationOf(() => insert('facilities', facilityRow({ ...extra, [column]: NFD_NAME }))),
      ).toEqual(check('facilities_text_nfc'));
    });

    it('rejects an NFD name written by an update', async () => {
      const id = await insert('facilities', facilityRow());
      expect(
        await violationOf(() =>
          database.db.execute(sql`update facilities set name = ${NFD_NAME} where id = ${id}`),
        ),
      ).toEqual(check('facilities_text_nfc'));
    });
  });

  describe('search_text is generated by the database', () => {
    it('is search_fold(code, name, address, operator): diacritic- and case-free', async () => {
      const id = await insert(
        'facilities',
        facilityRow({
          code: 'NCL-DH',
          name: 'Trung tâm Bảo trợ Đồng Hỷ',
          address: 'Xóm Trung, xã Đồng Hỷ',
          ownership: 'non_public',
          operator_organisation: 'Hội Từ thiện Hướng Dương',
        }),
      );
      const result = await database.db.execute<{ search_text: string; expected: string }>(
        sql`select search_text,
                   search_fold(code || ' ' || name || ' ' || coalesce(address, '') || ' ' || coalesce(operator_organisation, '')) as expected
            from facilities where id = ${id}`,
      );
      const row = result.rows[0];
      expect(row?.search_text).toBe(row?.expected);
      expect(row?.search_text).toBe(
        'ncl-dh trung tam bao tro dong hy xom trung, xa dong hy hoi tu thien huong duong',
      );
      expect(row?.search_text).toContain('trung tam bao tro dong hy');
    });

    it('follows updates of the source columns', async () => {
      const id = await insert('facilities', facilityRow({ name: 'Cơ sở Ánh Dương' }));
      await database.db.execute(sql`update facilities set name = 'Làng trẻ em Hy Vọng' where id = ${id}`);
      const result = await database.db.execute<{ search_text: string }>(
        sql`select search_text from facilities where id = ${id}`,
      );
      expect(result.rows[0]?.search_text).toContain('lang tre em hy vong');
      expect(result.rows[0]?.search_text).not.toContain('anh duong');
    });

    it('cannot be written by an insert', async () => {
      const error = await insert('facilities', facilityRow({ search_text: 'forged' })).catch((e) => e);
      expect(error).toBeInstanceOf(Error);
      expect(sqlStateOf(error)).toBe('428C9'); // generated_always
    });

    it('cannot be written by an update', async () => {
      const id = await insert('facilities', facilityRow());
      const error = await database.db
        .execute(sql`update facilities set search_text = 'forged' where id = ${id}`)
        .catch((e) => e);
      expect(error).toBeInstanceOf(Error);
      expect(sqlStateOf(error)).toBe('428C9');
    });
  });
});

describe('users', () => {
  let facilityId: string;

  beforeAll(async () => {
    facilityId = await insert('facilities', facilityRow());
  });

  let userSequence = 0;
  const userRow = (overrides: Row = {}): Row => ({
    username: `user${++userSequence}`,
    full_name: 'Nguyễn Thị Hoa',
    password_hash: 'not-a-real-hash',
    role: 'planner',
    ...overrides,
  });

  it.each(['admin', 'planner', 'operator'])('accepts a %s without a facility', async (role) => {
    await expect(insert('users', userRow({ role }))).resolves.toBeTypeOf('string');
  });

  it.each(['facility_manager', 'facility_staff'])('accepts a %s with a facility', async (role) => {
    await expect(insert('users', userRow({ role, facility_id: facilityId }))).resolves.toBeTypeOf('string');
  });

  it.each(['facility_manager', 'facility_staff'])(
    'requires a facility for a %s (users_centre_roles_have_facility)',
    async (role) => {
      expect(await violationOf(() => insert('users', userRow({ role })))).toEqual(
        check('users_centre_roles_have_facility'),
      );
    },
  );

  it.each(['admin', 'planner', 'operator'])(
    'forbids a facility on a %s (users_centre_roles_have_facility)',
    async (role) => {
      expect(await violationOf(() => insert('users', userRow({ role, facility_id: facilityId })))).toEqual(
        check('users_centre_roles_have_facility'),
      );
    },
  );

  it('keeps the facility rule when a role changes', async () => {
    const id = await insert('users', userRow({ role: 'facility_staff', facility_id: facilityId }));
    expect(
      await violationOf(() => database.db.execute(sql`update users set role = 'planner' where id = ${id}`)),
    ).toEqual(check('users_centre_roles_have_facility'));
  });

  it('rejects an unknown role (users_role_valid)', async () => {
    expect(await violationOf(() => insert('users', userRow({ role: 'superuser' })))).toEqual(
      check('users_role_valid'),
    );
  });

  it('rejects a facility that does not exist (users_facility_id_facilities_id_fk)', async () => {
    expect(
      await violationOf(() =>
        insert(
          'users',
          userRow({ role: 'facility_staff', facility_id: '00000000-0000-4000-8000-000000000000' }),
        ),
      ),
    ).toEqual(foreignKey('users_facility_id_facilities_id_fk'));
  });

  it('requires a lowercase username (users_username_lowercase)', async () => {
    expect(await violationOf(() => insert('users', userRow({ username: 'Planner2' })))).toEqual(
      check('users_username_lowercase'),
    );
  });

  it('keeps usernames unique (users_username_key)', async () => {
    await insert('users', userRow({ username: 'hoa.nguyen' }));
    expect(await violationOf(() => insert('users', userRow({ username: 'hoa.nguyen' })))).toEqual(
      unique('users_username_key'),
    );
  });

  it('stores the full name in NFC (users_full_name_nfc)', async () => {
    const nfd = 'Nguyễn Thị Hoa'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Hoa');
    expect(await violationOf(() => insert('users', userRow({ full_name: nfd })))).toEqual(
      check('users_full_name_nfc'),
    );
  });
});

describe('operator_facilities', () => {
  it('rejects a link to a facility that does not exist', async () => {
    const userId = await insert('users', {
      username: 'operator.link',
      full_name: 'Phạm Văn Đức',
      password_hash: 'x',
      role: 'operator',
    });
    expect(
      await violationOf(() =>
        database.db.execute(
          sql`insert into operator_facilities (user_id, facility_id) values (${userId}, '00000000-0000-4000-8000-000000000000')`,
        ),
      ),
    ).toEqual(foreignKey('operator_facilities_facility_id_facilities_id_fk'));
  });
});

describe('reference data', () => {
  it.each([
    [
      'a malformed commune code',
      sql`insert into communes values ('123', 'Xã Thử', 'xa', '19')`,
      'communes_code_format',
    ],
    [
      'an unknown commune kind',
      sql`insert into communes values ('99998', 'Xã Thử', 'huyen', '19')`,
      'communes_kind_valid',
    ],
    [
      'a malformed province code',
      sql`insert into provinces values ('1', 'Tỉnh Thử', 'tinh')`,
      'provinces_code_format',
    ],
  ])('rejects %s', async (_label, statement, constraint) => {
    expect(await violationOf(() => database.db.execute(statement))).toEqual(check(constraint));
  });

  it('rejects a commune of an unknown province', async () => {
    expect(
      await violationOf(() =>
        database.db.execute(sql`insert into communes values ('99997', 'Xã Thử', 'xa', '99')`),
      ),
    ).toEqual(foreignKey('communes_province_code_provinces_code_fk'));
  });
});
