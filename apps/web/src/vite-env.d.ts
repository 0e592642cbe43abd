/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_ACCESSIBILITY_CONTACT?: string;
}
