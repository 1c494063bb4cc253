// The empty React page of the start-up benchmark, built like the renderer (Vite, plugin-react).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()], logLevel: 'silent' });
