export { signInThroughForm } from "../lib/testing/browser-sign-in";

/** The e2e admin's signed-in browser state, written by the setup project (e2e/auth.setup.ts). */
export const ADMIN_STATE = "e2e/.artifacts/admin-state.json";
