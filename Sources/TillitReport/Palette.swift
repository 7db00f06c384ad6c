/// Okabe–Ito colours (Okabe & Ito 2008), distinguishable with the common colour-vision deficiencies.
/// Charts never rely on colour alone: markers differ in shape and every series is labelled.
enum Palette {
    static let privacy = "#0072B2"          // blue; circle markers
    static let personalization = "#E69F00"  // orange; diamond markers
    static let positive = "#009E73"         // bluish green
    static let neutral = "#BBBBBB"
    static let negative = "#D55E00"         // vermillion
    static let reference = "#000000"        // dotted
    static let small = "#9A9A9A"
    static let grid = "#E3E3E3"
    static let ink = "#1F2328"
    static let muted = "#5F6368"
}
