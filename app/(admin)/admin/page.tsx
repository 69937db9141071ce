import type { Metadata } from "next";
import { connection } from "next/server";
import { CELL, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDatabase } from "@/lib/db";
import { listApiKeys } from "@/lib/store/api-keys";
import { listUsers } from "@/lib/store/users";
import { accountRow, keyRow } from "@/lib/view/access-rows";

export const metadata: Metadata = { title: "Admin" };

const ACCOUNT_COLUMNS = [
  { label: "Email" },
  { label: "Name" },
  { label: "Roles" },
  { label: "Signs in with" },
  { label: "Last sign-in" },
  { label: "Status" },
];
const KEY_COLUMNS = [
  { label: "Id" },
  { label: "Name" },
  { label: "Role" },
  { label: "Scope" },
  { label: "Created" },
  { label: "Last used" },
  { label: "Status" },
];

/**
 * Who may do what (docs/access.md): the accounts with their roles and the API keys with theirs,
 * for admins of the whole model — accounts and keys span every tree. Changes are made with
 * `npm run user` and `npm run key` on the server, which the page says.
 */
export default async function AdminPage() {
  await connection();
  const { scopes } = await requirePageActor("administer");
  if (!scopes.includes("")) {
    return (
      <>
        <PageHeader title="Admin">Accounts, roles and API keys.</PageHeader>
        <EmptyState title="For admins of the whole model">
          <p>Accounts and API keys reach across every tree of the model, so only an admin of the whole model sees and manages them.</p>
        </EmptyState>
      </>
    );
  }
  const db = await getDatabase();
  const [users, keys] = await Promise.all([listUsers(db.sql), listApiKeys(db.sql)]);
  return (
    <>
      <PageHeader title="Admin">
        Accounts, their roles and the API keys programs use. Changes are made on the server with{" "}
        <code className="font-mono">npm run user</code> and <code className="font-mono">npm run key</code> (docs/access.md), and take effect
        at the next request.
      </PageHeader>
      <section className="mb-8">
        <h2 className="mb-2 text-base font-semibold">Accounts</h2>
        <DataTable
          label="Accounts"
          caption={`${users.length} account${users.length === 1 ? "" : "s"}; a role holds on its system and everything under it.`}
          columns={ACCOUNT_COLUMNS}
        >
          <tbody>
            {users.map(accountRow).map((row) => (
              <tr key={row.id} className="border-line border-b last:border-0">
                <th scope="row" className={`${CELL} font-mono font-normal`}>
                  {row.email}
                </th>
                <td className={CELL}>{row.name}</td>
                <td className={CELL}>{row.roles}</td>
                <td className={CELL}>{row.signIn}</td>
                <td className={CELL}>{row.lastSignIn}</td>
                <td className={CELL}>{row.status}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
      <section className="mb-8">
        <h2 className="mb-2 text-base font-semibold">API keys</h2>
        {keys.length === 0 ? (
          <EmptyState title="No API keys">
            <p>
              Senders and programs need one: <code className="font-mono">npm run key -- create --role ingest --scope SYSTEM_PATH</code>.
            </p>
          </EmptyState>
        ) : (
          <DataTable
            label="API keys"
            caption="Each key holds one role on one subtree; its secret was shown once, when it was made, and is kept only as a hash."
            columns={KEY_COLUMNS}
          >
            <tbody>
              {keys.map(keyRow).map((row) => (
                <tr key={row.id} className="border-line border-b last:border-0">
                  <th scope="row" className={`${CELL} font-mono font-normal`}>
                    {row.id}
                  </th>
                  <td className={CELL}>{row.name}</td>
                  <td className={CELL}>{row.role}</td>
                  <td className={`${CELL} font-mono`}>{row.scope}</td>
                  <td className={CELL}>{row.created}</td>
                  <td className={CELL}>{row.lastUsed}</td>
                  <td className={CELL}>{row.status}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <section>
        <h2 className="mb-2 text-base font-semibold">The model</h2>
        <p className="text-muted mb-2 text-sm">Structure and policy are edited as a model file and imported whole (docs/model-files.md):</p>
        <pre className="bg-canvas rounded p-3 font-mono text-xs">
          {"npm run model -- export model.yaml\nnpm run model -- import model.yaml"}
        </pre>
      </section>
    </>
  );
}
