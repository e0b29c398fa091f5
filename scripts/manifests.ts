// Both browsers' manifests, made from manifest.json at build time: vite.config.ts hands them to
// crx(), and unit tests read them here without loading crx() (the version, the store listings).
import manifest from '../manifest.json' with { type: 'json' };
import pkg from '../package.json' with { type: 'json' };

/** Gecko's add-on id; changing it makes Firefox treat the add-on as a different one. */
export const GECKO_ID = 'reopen-watch@reopen-watch';

/** package.json is the one place the version lives; manifest.json's is a placeholder. */
export function chromeManifest() {
  return { ...manifest, version: pkg.version };
}

/** Firefox runs the same worker code as an event page and wants its own manifest keys. */
export function firefoxManifest() {
  const { minimum_chrome_version: _chromeOnly, background, permissions, ...common } = manifest;
  return {
    ...common,
    // Firefox's event page parses pages itself; offscreen documents are Chrome's.
    permissions: permissions.filter((p) => p !== 'offscreen'),
    version: pkg.version,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      // 140: the first release that reads data_collection_permissions; every API used is older.
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // Nothing leaves the browser unless the user adds a phone/chat channel: then Firefox asks (src/shared/channel-access.ts).
        data_collection_permissions: { required: ['none'], optional: ['browsingActivity', 'websiteContent'] },
      },
      // Firefox for Android read data_collection_permissions only from 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}
