Feature: Routing pack
  The routing table chooses the model by cost and latency, one row per kind of request, the first row that fits
  deciding: requests from members of the public stay on the on-device model; short FAQs, classifications and
  extractions run there; short summaries and translations start there and go to the cloud when the on-device
  model is unsure; what is larger than the on-device model handles well, multi-step reasoning and code go to the
  EU cloud; drafts are written on the device and checked in the cloud; a request that fits no row takes the
  fallback. The table only states a preference: the other packs decide which models are allowed, and when the
  preferred one is not, the request goes to an allowed model of the same kind, or else to the first allowed one.

  Scenario: Questions from the public stay on the on-device model, however long
    Given a request from the claims assistant on behalf of a member of the public
    And the task is "faq"
    And the text is 500 tokens of plain office prose
    When the application asks for a decision
    Then it is routed to the on-device model
    And that model answers alone
    And the rule "routing.public-on-device" is among the reasons

  Scenario: A short FAQ goes to the on-device model
    Given a request from the claims assistant
    And the task is "faq"
    And the text says "What are your opening hours on public holidays?"
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "routing.faq-short" is among the reasons

  Scenario Outline: A short text to <task> runs on the on-device model
    Given a request from the claims assistant
    And the task is "<task>"
    And the text says "Sort this message into billing, delivery or other: the parcel arrived two days late."
    When the application asks for a decision
    Then it is routed to the on-device model
    And that model answers alone
    And the rule "routing.classify-extract" is among the reasons

    Examples:
      | task     |
      | classify |
      | extract  |

  Scenario: A tight latency budget is met only by the on-device model, even for reasoning
    Given a request from the claims assistant
    And the task is "reasoning"
    And the latency budget is 250 ms
    And the text says "Explain step by step how a deductible interacts with a coverage limit."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "routing.tight-latency" is among the reasons

  Scenario: An application whose monthly cloud token budget is spent is answered on-device, even for reasoning
    Given a request from the hotline assistant
    And the task is "reasoning"
    And the text says "Explain step by step how a deductible interacts with a coverage limit."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the route was chosen by "routing.budget-exhausted"

  Scenario: An application whose monthly cloud token budget is spent is refused a task that needs the cloud
    Given a request from the hotline assistant
    And the task is "code"
    And the text says "Write a Python function that adds up a list of invoice amounts and returns the total."
    When the application asks for a decision
    Then the request is denied
    And the rule "routing.budget-exhausted" is among the reasons

  Scenario: An application registered with a tight latency SLA is held to it even when the request names no budget
    Given a request from the hotline agent
    And the task is "reasoning"
    And the text says "Explain step by step how a deductible interacts with a coverage limit."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "routing.tight-latency" is among the reasons

  Scenario: A request's own budget cannot loosen the SLA its application is registered with
    Given a request from the hotline agent
    And the task is "reasoning"
    And the latency budget is 5000 ms
    And the text says "Explain step by step how a deductible interacts with a coverage limit."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "routing.tight-latency" is among the reasons

  Scenario Outline: A short text to <task> starts on the on-device model and escalates when it is unsure
    Given a request from the claims assistant
    And the task is "<task>"
    And the data subject is in Germany
    And the text says "Our branch offices are open from nine to five on weekdays and closed on public holidays."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the cloud model takes over when the on-device model's confidence is below <threshold>
    And the rule "routing.<task>" is among the reasons

    Examples:
      | task      | threshold |
      | summarize | 0.55      |
      | translate | 0.65      |

  Scenario: A short translation's on-device answer is also checked for consistency
    Given a request from the claims assistant
    And the task is "translate"
    And the data subject is in Germany
    And the text says "Our branch offices are open from nine to five on weekdays and closed on public holidays."
    When the application asks for a decision
    Then the on-device model samples 3 more answers and the cloud model takes over when they agree less than 0.4

  Scenario: A long FAQ question from staff goes to the EU cloud
    Given a request from the claims assistant
    And the task is "faq"
    And the text is 500 tokens of plain office prose
    When the application asks for a decision
    Then it is routed to "cloud-eu"
    And that model answers alone
    And the rule "routing.faq-long" is among the reasons

  Scenario Outline: A long text to <task> goes to the EU cloud
    Given a request from the claims assistant
    And the task is "<task>"
    And the text is <tokens> tokens of plain office prose
    When the application asks for a decision
    Then it is routed to "cloud-eu"
    And that model answers alone
    And the rule "<rule>" is among the reasons

    Examples:
      | task      | tokens | rule                             |
      | summarize | 700    | routing.summarize-translate-long |
      | translate | 700    | routing.summarize-translate-long |
      | classify  | 1100   | routing.classify-extract-long    |
      | extract   | 1100   | routing.classify-extract-long    |

  Scenario: Multi-step reasoning without personal data goes to the EU cloud
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "Explain step by step how a deductible interacts with a coverage limit."
    When the application asks for a decision
    Then it is routed to "cloud-eu"
    And the rule "routing.complex-task" is among the reasons
    And the route was chosen by "routing.complex-task"
    And the rule "tollgate.route-overridden" is not among the reasons

  Scenario: A draft longer than 2048 tokens goes to the EU cloud
    Given a request from the claims assistant
    And the task is "draft"
    And the text is 2100 tokens of plain office prose
    When the application asks for a decision
    Then it is routed to "cloud-eu"
    And the rule "routing.long-input" is among the reasons

  Scenario: Any input longer than 2048 tokens goes to the EU cloud, whatever task it is read as
    Given a request from the claims assistant
    And the task is "chat"
    And the text is 2100 tokens of plain office prose
    When the application asks for a decision
    Then it is routed to "cloud-eu"

  Scenario: A draft is written on the device and checked by the cloud model
    Given a request from the claims assistant
    And the task is "draft"
    And the text says "Draft a short notice that the branch office closes early on Friday."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the on-device model drafts and the cloud model checks the draft
    And the rule "routing.draft-write" is among the reasons

  Scenario: A request that matches no row takes the fallback
    Given a request from the claims assistant
    And the task is "haiku"
    And the text says "Thanks a lot, and have a nice weekend!"
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "routing.fallback" is among the reasons

  Scenario: When no cloud is allowed, a request routed to the cloud stays on the device
    Given a request from the support bot
    And the task is "faq"
    And the text is 500 tokens of plain office prose
    When the application asks for a decision
    Then the request is allowed
    And the destination "cloud-eu" is not permitted
    And it is routed to the on-device model
    And that model answers alone
    And the rule "routing.faq-long" is among the reasons
    And the rule "residency.tenant-pinned-country" is among the reasons

  Scenario: Health data in a long summary stays on the device although the table prefers the cloud
    Given a request from the claims assistant
    And the task is "summarize"
    And the data subject is in Germany
    And the text says "Der Patient Hans Müller wurde mit Diabetes Typ 2 diagnostiziert." followed by 700 tokens of plain office prose
    When the application asks for a decision
    Then the request is allowed
    And it is routed to the on-device model
    And that model answers alone
    And the rule "routing.summarize-translate-long" is among the reasons
    And the rule "gdpr.art9.local-only" is among the reasons
    And the rule "tollgate.route-overridden" is among the reasons
    And the route was chosen by "tollgate.route-overridden"

  Scenario: When the preferred cloud is not allowed, another allowed cloud takes the request
    Given a request from the shop assistant
    And the task is "faq"
    And the text is 500 tokens of plain office prose
    When the application asks for a decision
    Then the destination "cloud-eu" is not permitted
    And it is routed to "cloud-us"
    And that model answers alone
    And the rule "routing.faq-long" is among the reasons

  Scenario: A role written in the request is refused
    Given a request from the claims assistant on behalf of a member of the public
    And the task is "faq"
    And the text says "What are your opening hours on public holidays?"
    When the application asks for a decision saying the user's role is "staff"
    Then the request is refused because the role comes from the API key
