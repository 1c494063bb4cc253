// The mortgage closing as a trainee plays it to a passing score on the console: by roles and
// labels, with simulated time run through Playwright's clock.
import type { Page } from 'playwright-core';
import { captions, card, control, dial, quickConnect, wait, waitFor } from './trainee';

/**
 * From the incoming call to Clear contact: accepts Sofia Marin, consults and joins the broker,
 * the title company (dialled), the interpreter and the lending manager, disconnects the
 * interpreter when asked, leaves and clears. `onAllJoined` runs once all six are on the call.
 */
export async function playMortgageClosing(page: Page, onAllJoined?: () => Promise<unknown>): Promise<void> {
  await waitFor(page, page.getByText('Incoming call from Sofia Marin'));
  await wait(page, 2);
  await control(page, 'Accept').click();
  await waitFor(page, card(page, 'Sofia Marin').getByText('Connected'));

  const consultAndJoin = async (label: string) => {
    await waitFor(page, card(page, label).getByText('Connected', { exact: true }), 30);
    await wait(page, 8);
    await control(page, 'Join').click();
    await waitFor(page, card(page, 'Sofia Marin').getByText('Connected', { exact: true }), 5);
  };
  await wait(page, 15);
  await quickConnect(page, 'Brooks Mortgage Brokers');
  await consultAndJoin('Brooks Mortgage Brokers');
  await wait(page, 12);
  await dial(page, '+13125550163');
  await consultAndJoin('+13125550163');
  await wait(page, 12);
  await quickConnect(page, 'Spanish interpreter line');
  await consultAndJoin('Spanish interpreter line');
  await wait(page, 12);
  await quickConnect(page, 'Priya Nair (Lending manager)');
  await consultAndJoin('Priya Nair (Lending manager)');
  await onAllJoined?.();
  await waitFor(
    page,
    captions(page).getByText("We don't need the interpreter any more.", { exact: false }),
    60,
  );
  await card(page, 'Spanish interpreter line')
    .getByRole('button', { name: /^Disconnect/ })
    .click();
  await wait(page, 10);
  await control(page, 'Leave').click();
  await waitFor(page, control(page, 'Clear contact'), 5);
  await control(page, 'Clear contact').click();
}
