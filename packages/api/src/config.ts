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
  /** Where "today" is decided: an admission at 06:00 in Hà Nội is on that Vietnamese calendar day. */
  timeZone: string;
  now: () => Date;
}

export const defaultApiConfig: ApiConfig = {
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 12,
  allowedOrigins: null,
  homeProvinceCode: '19',
  departmentName: 'Sở Y tế tỉnh Thái Nguyên',
  loginLimits: { windowMinutes: 15, perUsername: 5, perIp: 30 },
  timeZone: 'Asia/Ho_Chi_Minh',
  now: () => new Date(),
};

/** Today's date (YYYY-MM-DD) in the deployment's time zone, from the configured clock. */
export function today(config: Pick<ApiConfig, 'now' | 'timeZone'>): string {
  // The en-CA locale writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone }).format(config.now());
}
