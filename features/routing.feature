Feature: Routing pack
  Without sensitive content, the routing table decides: short FAQs go to the on-device model, long or
  multi-step reasoning goes to the cloud, and a request that matches no row takes the fallback.

  Scenario: A short FAQ goes to the on-device model
    Given a request from the claims assistant
    And the task is "faq"
    And the text says "What are your opening hours on public holidays?"
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "routing.faq-short" is among the reasons

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
    And the text says "Write about the sea."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "routing.fallback" is among the reasons
