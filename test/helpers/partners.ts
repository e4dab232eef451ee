// A party's network neighbours read from a release package itself (not from the code under test).

type Release = { parties?: { id: string; name?: string }[]; buyer?: { id: string }; awards?: { suppliers?: { id: string }[] }[] };

/**
 * The name of the party with id `party` in the package at `url`, then its partners' names: the suppliers of its
 * awards as a buyer, and the buyers of awards it won.
 */
export async function partyAndPartnerNames(url: string, party: string): Promise<string[]> {
  const releases = ((await (await fetch(url)).json()) as { releases: Release[] }).releases;
  const names = new Map(releases.flatMap((release) => release.parties ?? []).map((entry) => [entry.id, entry.name ?? entry.id]));
  const partners = new Set(
    releases.flatMap((release) => {
      const suppliers = (release.awards ?? []).flatMap((award) => award.suppliers ?? []).map((supplier) => supplier.id);
      if (release.buyer?.id === party) return suppliers;
      return suppliers.includes(party) && release.buyer ? [release.buyer.id] : [];
    }),
  );
  partners.delete(party);
  return [party, ...partners].map((id) => names.get(id)!);
}
