import { createInterface } from 'node:readline/promises';
import { hashPassword } from '@ansinh/api/auth/password';
import { createDb } from '@ansinh/db/client';
import { auditLog } from '@ansinh/db/schema/audit';
import { users } from '@ansinh/db/schema/users';
import { normalizeText } from '@ansinh/domain/text';
import { password as passwordSchema } from '@ansinh/schemas/user';

/**
 * Creates the first administrator on a real database, where no demo accounts exist.
 * Reads ADMIN_USERNAME / ADMIN_FULL_NAME / ADMIN_PASSWORD, asking for whatever is missing.
 */
async function ask(question: string, fallback: string | undefined): Promise<string> {
  if (fallback) return fallback;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

const username = (await ask('Tên đăng nhập / username: ', process.env.ADMIN_USERNAME)).toLowerCase();
const fullName = normalizeText(await ask('Họ và tên / full name: ', process.env.ADMIN_FULL_NAME));
const password = await ask('Mật khẩu / password (≥ 10 ký tự): ', process.env.ADMIN_PASSWORD);

if (
  !/^[a-z0-9._-]{3,64}$/.test(username) ||
  fullName.length < 2 ||
  !passwordSchema.safeParse(password).success
) {
  console.error(
    'Thông tin không hợp lệ: tên đăng nhập 3–64 ký tự a-z 0-9 . _ -, họ tên ≥ 2 ký tự, mật khẩu ≥ 10 ký tự.',
  );
  process.exit(2);
}

const database = await createDb();
await database.migrate();
try {
  const passwordHash = await hashPassword(password);
  await database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ username, fullName, passwordHash, role: 'admin' })
      .returning({ id: users.id });
    await tx.insert(auditLog).values({
      actorId: null,
      action: 'user.create_admin_cli',
      entityType: 'user',
      entityId: created?.id ?? null,
      after: { username, fullName, role: 'admin' },
    });
  });
  console.log(`Đã tạo quản trị viên "${username}" / administrator created.`);
} catch (error) {
  const taken = (error as { cause?: { code?: string } }).cause?.code === '23505';
  console.error(taken ? `Tên đăng nhập "${username}" đã tồn tại / username already exists.` : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
