"""Words that tell an actor's sector, shared by linking (titles, organisation names)
and events (the nouns around an actor).  Matched on lowercased words."""

from __future__ import annotations

__all__ = [
    "MILITARY_TITLES",
    "GOVERNMENT_TITLES",
    "TITLE_AND_NAME_SECTORS",
    "GROUP_NOUN_SECTORS",
    "LAW_ENFORCEMENT_NAME_WORDS",
    "CHAMBER_NAME_WORDS",
]

MILITARY_TITLES = frozenset(
    "gen. general lt. col. colonel maj. adm. admiral sgt. cmdr. commander marshal brig. capt. captain".split()
)
GOVERNMENT_TITLES = frozenset(
    "president minister prime secretary chancellor premier king queen prince sen. senator rep. gov. governor "
    "mayor ambassador speaker envoy emir sultan sheikh spokesman spokeswoman".split()
)


def _index(groups: dict[str, str]) -> dict[str, str]:
    return {word: sector for sector, words in groups.items() for word in words.split()}


# For a person's titles and an organisation's name ("Gen.", "Defense Ministry", "Washington Post").
TITLE_AND_NAME_SECTORS = {
    **_index({
        "military": "army navy forces force military command brigade battalion regiment guard marines pentagon "
        "soldier officer troops",
        "government": "government ministry parliament kremlin congress senate administration council cabinet "
        "lawmaker official diplomat",
        "media": "columnist journalist reporter editor correspondent commentator post times news journal tribune "
        "herald gazette broadcaster",
        "academia": "prof. professor researcher scholar university institute academy",
    }),
    **{t: "military" for t in MILITARY_TITLES},
    **{t: "government" for t in GOVERNMENT_TITLES},
}  # fmt: skip

# For the nouns of an actor phrase ("Ukrainian forces", "pro-Russian officials", "protesters").
GROUP_NOUN_SECTORS = _index({
    "military": "force forces army troop troops soldier soldiers military navy marine marines airforce brigade "
    "battalion regiment division unit units commander general admiral headquarters sof artillery fighter jet "
    "warship paratrooper garrison defence defense pentagon",
    "police": "police policeman policemen officer officers gendarme gendarmerie riot security",
    "rebel": "rebel rebels insurgent insurgents insurgency guerrilla guerrillas militant militants militia "
    "militiamen separatist separatists partisan partisans jihadist jihadists extremist extremists gunman gunmen",
    "civilian": "protester protesters demonstrator demonstrators civilian civilians worker workers student "
    "students citizen citizens resident residents villager villagers people refugee refugees activist "
    "activists farmer farmers union crowd crowds voter voters",
    "government": "government official officials minister ministry president premier administration authority "
    "authorities regime parliament lawmaker lawmakers legislator diplomat diplomats ambassador embassy "
    "cabinet leader leaders leadership kremlin state spokesman spokeswoman mayor governor court prosecutor "
    "prosecutors senate congress delegation envoy chancellor king",
    "business": "company companies firm firms corporation business businesses bank banks investor investors "
    "industry operator",
    "media": "journalist journalists reporter reporters newspaper columnist editor broadcaster media",
})  # fmt: skip

# Words of an organisation's own name that make it a body which arrests, detains or charges people
# ("State Police", "Federal Bureau of Investigation", "Crown Prosecution Service", "High Court").
LAW_ENFORCEMENT_NAME_WORDS = frozenset(
    "police constabulary gendarmerie enforcement investigation investigations prosecutor prosecutors "
    "prosecution court tribunal sheriff marshals customs".split()
)
# Words of an organisation's own name that make it a chamber that votes ("Senate", "House of Assembly").
CHAMBER_NAME_WORDS = frozenset("senate parliament assembly congress house chamber legislature duma knesset".split())
