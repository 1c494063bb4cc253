import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../src/main/menu';

vi.mock('electron', () => ({}));

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('the application menu', () => {
  it('reaches every view by a keyboard shortcut that sends app:navigate', () => {
    const send = vi.fn();
    const all = items(menuTemplate('Trainer', send, false));
    const shortcuts = all.filter((item) => item.accelerator?.startsWith('CmdOrCtrl+'));
    expect(shortcuts.map((item) => item.accelerator)).toEqual(['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3']);
    for (const item of shortcuts) (item.click as () => void)();
    expect(send.mock.calls).toEqual([
      ['app:navigate', { view: 'home' }],
      ['app:navigate', { view: 'scenarios' }],
      ['app:navigate', { view: 'about' }],
    ]);
  });

  it('has an application menu with About only on macOS', () => {
    const mac = items(menuTemplate('Trainer', vi.fn(), true));
    const other = items(menuTemplate('Trainer', vi.fn(), false));
    expect(mac.some((item) => item.role === 'about')).toBe(true);
    expect(other.some((item) => item.role === 'about')).toBe(false);
  });
});
