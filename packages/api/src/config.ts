/** Settings the host reads from the environment; tests pass their own. */
export interface ApiConfig {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Origins allowed to send mutations; null means "the origin the request was addressed to". */
  allowedOrigins: readonly string[] | null;
  /** Home province of this deployment (FACTS: agency names and places are configuration, not code). */
  homeProvinceCode: string;
  departmentName: string;
  loginLimits: { windowMinutes: number; perUsername: number; perIp: number };
  now: () => Date;
}

export const defaultApiConfig: ApiConfig = {
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 12,
  allowedOrigins: null,
  homeProvinceCode: '19',
  departmentName: 'Sở Y tế tỉnh Thái Nguyên',
  loginLimits: { windowMinutes: 15, perUsername: 5, perIp: 30 },
  now: () => new Date(),
};
