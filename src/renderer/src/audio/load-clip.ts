import { callApi } from '../api';

/** A line's recorded clip, read through main; null when the scenario has none by that name. */
export async function loadClip(scenarioId: string, clip: string): Promise<Blob | null> {
  try {
    const found = await callApi('clips:get', { scenarioId, clip });
    const bytes = Uint8Array.from(atob(found.base64), (char) => char.charCodeAt(0));
    return new Blob([bytes], { type: found.mime });
  } catch {
    return null;
  }
}
