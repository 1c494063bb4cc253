import type { IpcEventName, IpcEventPayload } from '@shared/ipc';
import type { MenuItemConstructorOptions } from 'electron';

/** Sends a main→renderer event from the contract. */
export type SendEvent = <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>) => void;

/** The application menu: views reachable by keyboard, standard edit and window roles. */
export function menuTemplate(appName: string, send: SendEvent, isMac: boolean): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{ label: appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [isMac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Home', accelerator: 'CmdOrCtrl+1', click: () => send('app:navigate', { view: 'home' }) },
        {
          label: 'Scenarios',
          accelerator: 'CmdOrCtrl+2',
          click: () => send('app:navigate', { view: 'scenarios' }),
        },
        { label: 'About', accelerator: 'CmdOrCtrl+3', click: () => send('app:navigate', { view: 'about' }) },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
