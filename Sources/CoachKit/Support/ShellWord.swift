/// Words of a command line written so a POSIX shell reads them back unchanged: used where
/// `coach` tells someone which command to run next.
package enum ShellWord {
  /// `word` as is when it has only letters, digits and `@%+=:,./_-`; otherwise in single
  /// quotes, with each `'` written `'\''`.
  package static func quoted(_ word: String) -> String {
    let plain =
      !word.isEmpty
      && word.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || "@%+=:,./_-".unicodeScalars.contains(scalar))
      }
    if plain { return word }
    var out = "'"
    for character in word { out += character == "'" ? #"'\''"# : String(character) }
    return out + "'"
  }

  /// `words` quoted and joined by spaces.
  package static func command(_ words: [String]) -> String {
    words.map(quoted).joined(separator: " ")
  }
}
