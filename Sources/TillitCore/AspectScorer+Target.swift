extension AspectScorer {
    /// Sentiment toward an arbitrary target span (an opinion target such as SemEval's "the food"),
    /// with the same attribution rules as privacy and personalization cues: items in the target's
    /// clause weigh 1/(1+0.15·d); without any, items elsewhere in its sentence weigh 0.5.
    ///
    /// Example: in "The food was great but the service was awful" the target "food" is positive and
    /// "service" negative.
    public func targetSentiment(text: AnalyzedText, clauses: ClauseMap, sentiment: DocumentSentiment,
                                target: Range<Int>) -> (sentiment: Sentiment, evidence: [Evidence]) {
        guard !target.isEmpty, target.upperBound <= text.tokens.count else { return (Sentiment(score: 0), []) }
        let cl = clauses.clause[target.lowerBound]
        let sentence = clauses.sentence[target.lowerBound]
        var sum = 0.0
        var evidence: [Evidence] = []
        var inClause = false
        for item in sentiment.items where clauses.clause[item.tokens.lowerBound] == cl {
            let d = Double(distance(target, item.tokens.lowerBound))
            let w = 1 / (1 + AspectScorer.sameClauseDecay * d)
            sum += item.value * w
            inClause = true
            evidence.append(Evidence(rule: "aspect.clause", tokens: item.tokens, text: span(text, item.tokens), delta: item.value * w))
        }
        if !inClause {
            for item in sentiment.items where clauses.sentence[item.tokens.lowerBound] == sentence {
                sum += item.value * AspectScorer.sameSentenceWeight
                evidence.append(Evidence(rule: "aspect.sentence", tokens: item.tokens, text: span(text, item.tokens),
                                         delta: item.value * AspectScorer.sameSentenceWeight))
            }
        }
        return (Sentiment(score: Sentiment.normalize(sum)), evidence)
    }
}
