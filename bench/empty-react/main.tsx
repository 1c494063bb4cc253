// The baseline of the start-up benchmark: the smallest React page, built by the same Vite and
// plugin as the renderer, with one button to wait for.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <button type="button" data-card>
      Ready
    </button>,
  );
}
