/// Detection and polarity figures for one aspect against gold labels.
///
/// Detection: a text is a true positive when gold and Tillit both mark the aspect. Drivers: micro
/// precision/recall over (text, driver) pairs. Polarity: accuracy of Tillit's aspect label on the true
/// positives.
public struct AspectEvaluation: Sendable {
    public var aspect: Aspect
    public private(set) var tp = 0, fp = 0, fn = 0, tn = 0
    public private(set) var driverTP = 0, driverFP = 0, driverFN = 0
    public private(set) var polarityRight = 0
    public init(aspect: Aspect) { self.aspect = aspect }

    public mutating func add(gold: (label: SentimentLabel, drivers: Set<Driver>)?, predicted: AspectResult?) {
        switch (gold, predicted) {
        case (nil, nil): tn += 1
        case (nil, .some(let p)): fp += 1; driverFP += p.drivers.count
        case (.some(let g), nil): fn += 1; driverFN += g.drivers.count
        case (.some(let g), .some(let p)):
            tp += 1
            if p.sentiment.label == g.label { polarityRight += 1 }
            let pd = Set(p.drivers)
            driverTP += g.drivers.intersection(pd).count
            driverFP += pd.subtracting(g.drivers).count
            driverFN += g.drivers.subtracting(pd).count
        }
    }

    static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    public var precision: Double { AspectEvaluation.ratio(tp, tp + fp) }
    public var recall: Double { AspectEvaluation.ratio(tp, tp + fn) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var driverPrecision: Double { AspectEvaluation.ratio(driverTP, driverTP + driverFP) }
    public var driverRecall: Double { AspectEvaluation.ratio(driverTP, driverTP + driverFN) }
    public var polarityAccuracy: Double { AspectEvaluation.ratio(polarityRight, tp) }
}
