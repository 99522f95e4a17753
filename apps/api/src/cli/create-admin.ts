import { createInterface } from 'node:readline/promises';
import { hashPassword } from '@ansinh/api/auth/password';
import { createDb } from '@ansinh/db/client';
import { constraintViolationOf } from '@ansinh/db/errors';
import { auditLog } from '@ansinh/db/schema/audit';
import { users } from '@ansinh/db/schema/users';
import { fullName, password, username } from '@ansinh/schemas/user';
import { z } from 'zod';

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

const parsed = z.object({ username, fullName, password }).safeParse({
  username: await ask('Tên đăng nhập / username: ', process.env.ADMIN_USERNAME),
  fullName: await ask('Họ và tên / full name: ', process.env.ADMIN_FULL_NAME),
  password: await ask('Mật khẩu / password (≥ 10 ký tự): ', process.env.ADMIN_PASSWORD),
});
if (!parsed.success) {
  console.error('Thông tin không hợp lệ / invalid input:', z.flattenError(parsed.error).fieldErrors);
  process.exit(2);
}
const admin = parsed.data;

const database = await createDb();
await database.migrate();
try {
  const passwordHash = await hashPassword(admin.password);
  await database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ username: admin.username, fullName: admin.fullName, passwordHash, role: 'admin' })
      .returning({ id: users.id });
    await tx.insert(auditLog).values({
      actorId: null,
      action: 'user.create_admin_cli',
      entityType: 'user',
      entityId: created?.id ?? null,
      after: { username: admin.username, fullName: admin.fullName, role: 'admin' },
    });
  });
  console.log(`Đã tạo quản trị viên "${admin.username}" / administrator created.`);
} catch (error) {
  const taken = constraintViolationOf(error)?.constraint === 'users_username_key';
  console.error(taken ? `Tên đăng nhập "${admin.username}" đã tồn tại / username already exists.` : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
