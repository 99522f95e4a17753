import { communes, provinces } from '@ansinh/db/schema/admin-units';
import { commune, communeListInput, province } from '@ansinh/schemas/admin-unit';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

export const adminUnitsRouter = router({
  provinces: authedProcedure
    .output(z.array(province))
    .query(({ ctx }) =>
      ctx.db
        .select({ code: provinces.code, name: provinces.name })
        .from(provinces)
        .orderBy(asc(provinces.code)),
    ),
  communes: authedProcedure
    .input(communeListInput)
    .output(z.array(commune))
    .query(({ ctx, input }) =>
      ctx.db
        .select({ code: communes.code, name: communes.name, provinceCode: communes.provinceCode })
        .from(communes)
        .where(eq(communes.provinceCode, input.provinceCode))
        .orderBy(asc(communes.name)),
    ),
});

export const metaRouter = router({
  config: publicProcedure
    .output(
      z.object({ homeProvinceCode: z.string(), homeProvinceName: z.string(), departmentName: z.string() }),
    )
    .query(async ({ ctx }) => {
      const [home] = await ctx.db
        .select({ name: provinces.name })
        .from(provinces)
        .where(eq(provinces.code, ctx.config.homeProvinceCode));
      return {
        homeProvinceCode: ctx.config.homeProvinceCode,
        homeProvinceName: home?.name ?? '',
        departmentName: ctx.config.departmentName,
      };
    }),
});
