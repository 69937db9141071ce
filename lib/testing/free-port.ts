import { createServer, type AddressInfo } from "node:net";

/** A loopback port nobody holds now, so parallel runs (other checkouts, CI neighbours) do not collide. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
