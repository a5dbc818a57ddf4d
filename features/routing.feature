Feature: Routing pack
  Without sensitive content, the routing table decides: short FAQs go to the on-device model, short
  summaries and translations start there and go to the cloud when the on-device model is unsure, long or
  multi-step reasoning goes to the cloud, and a request that matches no row takes the fallback.

  Scenario: A short FAQ goes to the on-device model
    Given a request from the claims assistant
    And the task is "faq"
    And the text says "What are your opening hours on public holidays?"
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "routing.faq-short" is among the reasons

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

  Scenario: Multi-step reasoning without personal data goes to the EU cloud
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "Explain step by step how a deductible interacts with a coverage limit."
    When the application asks for a decision
    Then it is routed to "cloud-eu"

  Scenario: A request that matches no row takes the fallback
    Given a request from the claims assistant
    And the task is "haiku"
    And the text says "Thanks a lot, and have a nice weekend!"
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "routing.fallback" is among the reasons
