@_exported import CoachKit
