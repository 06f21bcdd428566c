import Testing

@testable import CoachKit

/// File names as text: every byte kept, odd bytes shown as `\xNN`.
@Suite struct FileNameTests {
  @Test func everyNameGoesToTextAndBackUnchanged() {
    let names: [[UInt8]] = [
      Array("late-delivery.coach.yaml".utf8),
      Array("café/naïve.coach.yaml".utf8),
      [0x62, 0x61, 0x64, 0xFF, 0x2E],  // bad\xFF.
      [0xC3, 0x28, 0xE2, 0x82, 0x80, 0xED, 0xA0, 0x80],  // cut and surrogate sequences
      [0x65, 0x73, 0x63, 0x1B],  // a control byte is valid UTF-8, kept as it is
      Array("\u{10FEFF}".utf8),  // a name that spells one of the stand-in characters
    ]
    for name in names {
      #expect(FileName.bytes(FileName.text(name)) == name, "\(name)")
    }
  }

  @Test func validUTF8IsReadAsItsText() {
    #expect(FileName.text(Array("café.coach.yaml".utf8)) == "café.coach.yaml")
    #expect(!FileName.hasRawBytes("café.coach.yaml"))
  }

  @Test func oddBytesAreShownEscaped() {
    let name = FileName.text([0x62, 0x61, 0x64, 0xFF, 0xFE] + Array(".coach.yaml".utf8))
    #expect(FileName.hasRawBytes(name))
    #expect(FileName.display(name) == #"bad\xFF\xFE.coach.yaml"#)
    #expect(TerminalSafe.clean(name) == #"bad\xFF\xFE.coach.yaml"#)
    let spelt = FileName.text(Array("\u{10FEFF}".utf8))
    #expect(FileName.display(spelt) == #"\xF4\x8F\xBB\xBF"#)
  }
}
