/**
 * The GraphQL schema (docs/graphql.md), written SDL-first. Reads only: there is no Mutation type,
 * since every write goes through the console's one audited action path. Enum values are the
 * console's own words (as in model files and the REST API); timestamps are ISO 8601 strings in UTC.
 * Whatever the reader may not read is absent from every list, and a lookup of it answers null.
 */
export const typeDefs = /* GraphQL */ `
  type Query {
    "The tops of the subtrees the reader may read: the roots of the model for a reader of all of it."
    roots: [System!]!
    "One system by path; null if there is none, or the reader may not read it."
    system(path: String!): System
    "The systems the reader may read (under one system's path, if given), ordered by path, a page at a time."
    systems(first: Int = 50, after: String, under: String): SystemConnection!
    "Signals of the units the reader may read, newest raised first, a page at a time (first: 1–100)."
    signals(first: Int = 50, after: String, filter: SignalFilter): SignalConnection!
    "One signal by id; null if there is none, or its unit is not the reader's to read."
    signal(id: ID!): Signal
    "Requisite variety over the window ending now, for each tree whose root the reader may read (as the Variety page)."
    variety(window: VarietyWindow = day): Variety!
  }

  "A viable system: a node of the recursion, whose S1 units are its children."
  type System {
    path: String!
    name: String!
    "Recursion level: 0 at a root."
    level: Int!
    purpose: String!
    owner: String
    "Null at a root, or when the reader may not read the containing system."
    parent: System
    "Its S1 operational units."
    units: [System!]!
    "Its S2–S5 functions as stored, present or recorded missing."
    functions: [SystemFunction!]!
    indicators: [Indicator!]!
  }

  enum FunctionKind {
    s2
    s3
    s3star
    s4
    s5
  }

  type SystemFunction {
    kind: FunctionKind!
    present: Boolean!
    owner: String
    notes: String!
  }

  enum Direction {
    up
    down
  }

  enum IndexKind {
    productivity
    latency
    performance
    raw
  }

  enum IndicatorScope {
    operations
    environment
  }

  "A named measure of one unit."
  type Indicator {
    key: String!
    name: String!
    unit: String!
    "Which way is good."
    direction: Direction!
    "The series the filter watches: one of Beer's ratios or the raw actuality."
    index: IndexKind!
    scope: IndicatorScope!
    family: String
    capability: Float
    potentiality: Float
  }

  type SystemConnection {
    nodes: [System!]!
    pageInfo: PageInfo!
  }

  type PageInfo {
    hasNextPage: Boolean!
    "Pass as after to get the next page; null on an empty page."
    endCursor: String
  }

  enum SignalState {
    provisional
    open
    acknowledged
    escalated
    remedied
    resolved
    retracted
  }

  enum Valence {
    pain
    pleasure
  }

  enum Band {
    normal
    alert
    crisis
  }

  "Every condition given must hold."
  input SignalFilter {
    "Any of these states."
    state: [SignalState!]
    valence: Valence
    "The change's kind, such as step, slope or an external alert's name."
    kind: String
    "A system path: signals of that unit and of the units below it."
    subtree: String
  }

  type SignalConnection {
    nodes: [Signal!]!
    edges: [SignalEdge!]!
    pageInfo: PageInfo!
  }

  type SignalEdge {
    cursor: String!
    node: Signal!
  }

  "An algedonic signal: a confirmed (or provisional) change of one unit's indicator, or an external alert."
  type Signal {
    id: ID!
    "The unit that raised it."
    unit: System
    unitPath: String!
    "The recursion level of its unit."
    level: Int!
    "The indicator's key (an external alert's name for alerts)."
    indicator: String!
    family: String
    kind: String!
    valence: Valence!
    "The worst band it reached."
    band: Band!
    state: SignalState!
    "The level that holds it now on the escalation ladder."
    holderLevel: Int!
    "Further changes counted on it, the first included."
    changes: Int!
    raisedAt: String!
    lastChangeAt: String!
    closedAt: String
    "remedied, fixed, accepted-new-normal, false-alarm, alert-resolved, adapted, retracted or unconfirmed."
    closeReason: String
    timeline: [TimelineEntry!]!
  }

  type TimelineEntry {
    seq: Int!
    at: String!
    "raised, confirmed, retracted, recurred, acknowledged, extended, escalated, overdue, band-changed, remedied, resolved, adapted or noted."
    kind: String!
    "Who or what: user:<id> or system:<component>."
    actor: String!
    from: SignalState
    to: SignalState!
    "The holder level after the entry."
    level: Int!
    reason: String!
  }

  "The Variety page's windows, each ending at the request's time."
  enum VarietyWindow {
    "The last hour."
    hour
    "The last 24 hours."
    day
    "The last 7 days."
    week
  }

  type Variety {
    window: VarietyWindow!
    from: String!
    to: String!
    trees: [TreeVariety!]!
  }

  "One recursion tree's variety over the window (docs/variety.md)."
  type TreeVariety {
    rootPath: String!
    rootName: String!
    "Signals raised in the tree within the window, retracted ones included."
    signals: Int!
    "Systems of the tree that no disturbance reached and that applied no response."
    quiet: Int!
    systems: [SystemVariety!]!
    "Each level's attenuators and amplifiers, root first."
    levels: [LevelVariety!]!
    homeostats: [Homeostat!]!
  }

  "One system's requisite-variety balance, in bits."
  type SystemVariety {
    path: String!
    name: String!
    level: Int!
    "H(D)."
    disturbance: Float!
    "H(R)."
    regulatory: Float!
    "H(D) − H(R)."
    deficit: Float!
    tolerance: Float!
    "balanced, under-regulated or over-regulated."
    balance: String!
    disturbances: VarietySide!
    responses: VarietySide!
  }

  type VarietySide {
    "Shannon entropy of the classes' distribution."
    bits: Float!
    "log2 of the number of distinct classes: the most bits could be."
    stateBits: Float!
    events: Int!
    classes: Int!
  }

  type LevelVariety {
    level: Int!
    itemsIn: Int!
    itemsOut: Int!
    bitsIn: Float!
    bitsOut: Float!
    "bitsIn − bitsOut: positive where variety is absorbed, negative where amplified."
    absorbed: Float!
    stages: [DeviceVariety!]!
  }

  type DeviceVariety {
    "filter, grouping, inhibition, silence, escalation or routing."
    device: String!
    "attenuator or amplifier."
    role: String!
    itemsIn: Int!
    itemsOut: Int!
    bitsIn: Float!
    bitsOut: Float!
    absorbed: Float!
  }

  "A system's S3↔S4 homeostat from operators' attention on its subtree's signals."
  type Homeostat {
    path: String!
    name: String!
    "The share of attention on S4 that policy aims for, and the balanced band around it."
    target: Float!
    tolerance: Float!
    overall: AttentionShare!
    "The window in steps, oldest first."
    steps: [AttentionShare!]!
    "The trend of S4's share, in share points per day; null with fewer than two steps with attention."
    slopePerDay: Float
  }

  type AttentionShare {
    from: String!
    to: String!
    s3: Float!
    s4: Float!
    "s4 / (s3 + s4); null when nothing was spent."
    s4Share: Float
    "balanced, S3-dominant or S4-dominant; null when nothing was spent."
    balance: String
  }
`;
