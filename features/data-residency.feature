Feature: Data residency pack
  Personal data of people in the EU/EEA goes only to destinations in the EEA, in a country with an
  adequacy decision, or covered by standard contractual clauses; a tenant pinned to a country stays there.

  Scenario: Personal data of a person in the EU does not go to the US cloud
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Spain
    And the text says "Me llamo Lucía García. Explique paso a paso cómo se calcula la franquicia de mi póliza."
    When the application asks for a decision
    Then the request is allowed
    And the destination "cloud-us" is not permitted
    And the rule "residency.eea-transfer" is among the reasons

  Scenario: An unknown subject country is treated as the strictest case
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject's country is unknown
    And the text says "My name is Jonas Weber. Explain step by step how my deductible is calculated."
    When the application asks for a decision
    Then the destination "cloud-us" is not permitted

  Scenario: A tenant pinned to Germany stays in Germany
    Given a request from the support bot
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "Explain step by step how to reset the router of a home network."
    When the application asks for a decision
    Then the request is allowed
    And it is routed to the on-device model
    And the destination "cloud-eu" is not permitted
    And the rule "residency.tenant-pinned-country" is among the reasons
