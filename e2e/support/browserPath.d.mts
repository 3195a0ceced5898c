export declare const SYSTEM_CHROMIUM_PATH: string;
export declare const INSTALL_HINT: string;
export interface ResolvedChromium {
  path: string;
  source: 'playwright' | 'CHROMIUM_PATH' | 'system';
}
export declare function resolveChromium(env?: NodeJS.ProcessEnv): ResolvedChromium | null;
export declare function chromiumPathOrThrow(env?: NodeJS.ProcessEnv): string;
