import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";

/** The SaaS example is what a fresh embedded console seeds on its first start. */
const example = parse(readFileSync("prisma/seed/saas-platform.yaml", "utf8")) as {
  systems: { path: string; name: string }[];
};

test("the overview lists every system of the SaaS example, read from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const tree = page.getByRole("list", { name: "Recursion" });
  for (const system of example.systems) {
    await expect(tree.getByRole("article", { name: system.name, exact: true }).first()).toBeVisible();
    await expect(tree.getByText(system.path, { exact: true })).toBeVisible();
  }
  const stats = page.locator("dl").first();
  await expect(stats.getByText(String(example.systems.length), { exact: true })).toBeVisible();
  await expect(stats.getByText("4", { exact: true })).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/overview.png", fullPage: true });
});

test("each system shows which of S2–S5 it has", async ({ page }) => {
  await page.goto("/");
  const root = example.systems.find((s) => !s.path.includes("/"));
  const card = page.getByRole("article", { name: root?.name, exact: true });
  await expect(card.getByRole("list", { name: "Functions" }).getByRole("listitem")).toHaveCount(5);
});
