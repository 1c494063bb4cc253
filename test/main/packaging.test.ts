import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('the electron-builder configuration', () => {
  it("passes electron-builder's own schema check", async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
  });

  it('packages the built app, which `npm run package` builds first', () => {
    expect(config.files).toContain('out/**');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.package).toBe('electron-vite build && electron-builder');
  });

  it('rejects a configuration with an unknown target option', async () => {
    await expect(
      validateConfiguration(
        { ...config, linux: { target: ['AppImage'], notAnOption: 1 } } as never,
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });
});
